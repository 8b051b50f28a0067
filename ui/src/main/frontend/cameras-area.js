// <langso-area-draw>: lets the user draw one polygon on the page's <langso-map> for the detection search. After each
// drawing it fires "langso-area-drawn" with detail.geojson, a GeoJSON Polygon in WGS 84 (longitude first), or an
// empty string after clear(). The Java class vn.langso.ui.cameras.AreaDraw listens to that event.
import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { Fill, Stroke, Style } from 'ol/style.js';

/** Decimal places kept in the coordinates sent to the backend, about 0.1 m. */
const COORDINATE_DECIMALS = 6;

class LangsoAreaDraw extends HTMLElement {
  connectedCallback() {
    this.style.display = 'none';
    if (this._attached) {
      return;
    }
    const mapElement = document.querySelector('langso-map');
    if (!mapElement) {
      console.warn('<langso-area-draw> found no <langso-map> on the page');
      return;
    }
    this._attached = true;
    if (mapElement.olMap) {
      this._attach(mapElement.olMap);
    } else {
      mapElement.addEventListener('langso-map-ready', (event) => this._attach(event.detail.map), { once: true });
    }
  }

  _attach(map) {
    this._format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
    this._source = new VectorSource();
    const layer = new VectorLayer({
      source: this._source,
      zIndex: 60,
      style: new Style({
        fill: new Fill({ color: 'rgba(21, 101, 192, 0.15)' }),
        stroke: new Stroke({ color: '#1565c0', width: 2 }),
      }),
    });
    map.addLayer(layer);
    const draw = new Draw({ source: this._source, type: 'Polygon' });
    draw.on('drawstart', () => this._source.clear());
    draw.on('drawend', (event) => {
      const geometry = this._format.writeGeometryObject(event.feature.getGeometry(), { decimals: COORDINATE_DECIMALS });
      this._emit(JSON.stringify(geometry));
    });
    map.addInteraction(draw);
    this.setAttribute('data-ready', 'true');
  }

  /** Removes the drawn area. */
  clear() {
    this._source?.clear();
    this._emit('');
  }

  _emit(geojson) {
    this.setAttribute('data-area', geojson ? 'drawn' : 'none');
    this.dispatchEvent(new CustomEvent('langso-area-drawn', { detail: { geojson } }));
  }
}

customElements.define('langso-area-draw', LangsoAreaDraw);
