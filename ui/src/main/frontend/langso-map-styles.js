// Map styles of <langso-map>: commune boundaries (the base map) and point clusters with their counts.
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

/** Returns the style of a commune: highlighted when it is the selected one, labelled when zoomed in or selected. */
export function communeStyle(feature, resolution, selectedCode) {
  const selected = feature.get('code') === selectedCode;
  const style = new Style({
    fill: new Fill({ color: selected ? 'rgba(255, 193, 7, 0.35)' : 'rgba(129, 199, 132, 0.22)' }),
    stroke: new Stroke({ color: selected ? '#e65100' : '#2e7d32', width: selected ? 3 : 1 }),
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
