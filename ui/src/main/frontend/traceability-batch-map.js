// Map of one product batch on its consumer page: growing areas as polygons and the journey as a line with its
// stops, zoomed to fit. The GeoJSON comes from BatchMap.java; nothing is fetched from other hosts.
import 'ol/ol.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat } from 'ol/proj.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';

const areaStyle = new Style({
  fill: new Fill({ color: 'rgba(76, 175, 80, 0.25)' }),
  stroke: new Stroke({ color: '#2e7d32', width: 2 }),
});
const lineStyle = new Style({ stroke: new Stroke({ color: '#e65100', width: 3, lineDash: [8, 6] }) });
const communeStyle = new Style({
  fill: new Fill({ color: 'rgba(240, 240, 235, 0.6)' }),
  stroke: new Stroke({ color: '#9e9e9e', width: 1 }),
});
/** Upper bound of communes requested for the background; the province has 102. */
const COMMUNE_LIMIT = 1000;

function stopStyle(feature) {
  return new Style({
    image: new Circle({ radius: 9, fill: new Fill({ color: '#e65100' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: new Text({ text: String(feature.get('number')), fill: new Fill({ color: '#fff' }), font: 'bold 11px sans-serif' }),
  });
}

class BatchMap extends HTMLElement {
  connectedCallback() {
    this.style.display = 'block';
    setTimeout(() => this._render(), 0);
  }

  _render() {
    if (this._map) {
      return;
    }
    const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
    const areas = new VectorSource();
    const journey = new VectorSource();
    if (this.areasJson) {
      areas.addFeatures(format.readFeatures(JSON.parse(this.areasJson)));
    }

    let stopCount = 0;
    if (this.journeyJson) {
      const feature = JSON.parse(this.journeyJson);
      if (feature.geometry) {
        journey.addFeature(format.readFeature(feature));
      }
      const stops = (feature.properties && feature.properties.stops) || [];
      stops.filter((stop) => typeof stop.lon === 'number').forEach((stop) => {
        stopCount += 1;
        const point = new Feature({ geometry: new Point(fromLonLat([stop.lon, stop.lat])), number: stopCount });
        point.setStyle(stopStyle);
        journey.addFeature(point);
      });
    }

    const communes = new VectorSource();
    this._map = new OlMap({
      target: this,
      layers: [
        new VectorLayer({ source: communes, style: communeStyle }),
        new VectorLayer({ source: areas, style: areaStyle }),
        new VectorLayer({ source: journey, style: lineStyle }),
      ],
      view: new View({ center: fromLonLat([105.63, 10.46]), zoom: 9, maxZoom: 17 }),
    });

    const extent = createEmpty();
    extend(extent, areas.getExtent());
    extend(extent, journey.getExtent());
    if (!isEmpty(extent) && Number.isFinite(extent[0])) {
      this._map.getView().fit(extent, { padding: [30, 30, 30, 30], maxZoom: 15 });
    }

    this.setAttribute('data-area-count', String(areas.getFeatures().length));
    this.setAttribute('data-stop-count', String(stopCount));
    this.setAttribute('data-ready', 'true');
    this._loadCommunes(communes, format);
  }

  /** Loads the commune boundaries as a background; the batch stays readable without them. */
  async _loadCommunes(source, format) {
    if (!this.backendUrl) {
      return;
    }
    const url = `${this.backendUrl.replace(/\/$/, '')}/api/v1/communes?limit=${COMMUNE_LIMIT}`;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/geo+json' } });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      source.addFeatures(format.readFeatures(await response.json()));
      this.setAttribute('data-communes-loaded', String(source.getFeatures().length));
    } catch (error) {
      console.warn(`Commune boundaries from ${url} failed to load: ${error}`);
      this.setAttribute('data-communes-failed', String(error));
    }
  }
}

if (!customElements.get('langso-batch-map')) {
  customElements.define('langso-batch-map', BatchMap);
}
