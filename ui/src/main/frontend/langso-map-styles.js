// Map styles of <langso-map>: the base map tiles, the selectable communes and point clusters with their counts.
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style.js';

/** Commune names are drawn below this resolution (metres per pixel, about zoom 10.5). */
const COMMUNE_LABEL_MAX_RESOLUTION = 110;

// The layer switcher's legend dots use the same colours (styles.css, .langso-layer-*).
const LAYER_COLORS = {
  reports: '#c62828',
  cameras: '#6a1b9a',
  merchants: '#ef6c00',
  schools: '#1565c0',
  clinics: '#2e7d32',
  cooperatives: '#795548',
};
const DEFAULT_LAYER_COLOR = '#37474f';

/** Cluster styles by colour and size, shared by all maps on the page because they never change. */
const clusterStyles = new Map();

export function layerColor(layerName) {
  return LAYER_COLORS[layerName] ?? DEFAULT_LAYER_COLOR;
}

const BASE_MAP_STYLES = {
  communes: new Style({
    fill: new Fill({ color: 'rgba(129, 199, 132, 0.22)' }),
    stroke: new Stroke({ color: '#2e7d32', width: 1 }),
  }),
  rivers: new Style({ stroke: new Stroke({ color: '#4f8fd6', width: 2 }), fill: new Fill({ color: '#a9cdf2' }) }),
  roads: new Style({ stroke: new Stroke({ color: '#9e9e9e', width: 1.5 }) }),
};

/** Returns the style of a base map tile feature by its MVT layer; features of other layers are not drawn. */
export function baseMapStyle(feature) {
  return BASE_MAP_STYLES[feature.get('layer')] ?? null;
}

/**
 * Returns the style of a commune over the base map, which already draws every boundary: the selected commune is
 * highlighted, the others only labelled when zoomed in. Their fill is almost transparent but present, because
 * OpenLayers finds a polygon under the pointer only where its style draws something.
 */
export function communeStyle(feature, resolution, selectedCode) {
  const selected = feature.get('code') === selectedCode;
  const style = new Style({
    fill: new Fill({ color: selected ? 'rgba(255, 193, 7, 0.35)' : 'rgba(255, 255, 255, 0.01)' }),
    stroke: selected ? new Stroke({ color: '#e65100', width: 3 }) : undefined,
  });
  if (resolution < COMMUNE_LABEL_MAX_RESOLUTION || selected) {
    style.setText(new Text({
      text: feature.get('name') ?? '',
      font: '12px system-ui, sans-serif',
      fill: new Fill({ color: '#1b5e20' }),
      stroke: new Stroke({ color: '#ffffff', width: 3 }),
      overflow: false,
    }));
  }
  return style;
}

/** Returns the style of a cluster feature: a dot for one point, a larger circle with the count for several. */
export function clusterStyle(cluster, color) {
  const size = cluster.get('features')?.length ?? 1;
  const key = `${color}:${size}`;
  let style = clusterStyles.get(key);
  if (!style) {
    style = size === 1
      ? new Style({
        image: new CircleStyle({ radius: 7, fill: new Fill({ color }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
      })
      : new Style({
        image: new CircleStyle({
          radius: Math.min(24, 10 + 3 * Math.log2(size)),
          fill: new Fill({ color }),
          stroke: new Stroke({ color: 'rgba(255, 255, 255, 0.8)', width: 4 }),
        }),
        text: new Text({ text: String(size), font: 'bold 12px system-ui, sans-serif', fill: new Fill({ color: '#ffffff' }) }),
      });
    clusterStyles.set(key, style);
  }
  return style;
}
