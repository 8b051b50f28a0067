// <langso-analysis-map>: the map of the planning analyses page. It draws the backend's base map tiles, a choropleth
// of communes coloured by the server (each feature carries properties.fill) and the places found by a coverage
// analysis. The Java class vn.langso.ui.analyses.AnalysisMap sets its data; tests wait for its data-* attributes.
import 'ol/ol.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { fromLonLat } from 'ol/proj.js';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style.js';

const PROVINCE_CENTER_LON_LAT = [105.9, 10.45];
const PROVINCE_ZOOM = 9;
/** Commune names are drawn below this resolution (metres per pixel). */
const LABEL_MAX_RESOLUTION = 110;

const BASE_STYLE = new Style({ stroke: new Stroke({ color: '#9e9e9e', width: 0.5 }) });
const BEYOND_STYLE = new Style({
  image: new CircleStyle({ radius: 6, fill: new Fill({ color: '#c62828' }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
});

class LangsoAnalysisMap extends HTMLElement {
  constructor() {
    super();
    this._format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  }

  connectedCallback() {
    // A property set before this element was defined sits on the instance and hides the accessor: re-apply it.
    if (Object.prototype.hasOwnProperty.call(this, 'backendUrl')) {
      const value = this.backendUrl;
      delete this.backendUrl;
      this.backendUrl = value;
    }
    if (this._map) {
      return;
    }
    const target = document.createElement('div');
    target.className = 'langso-map-target';
    this.appendChild(target);

    this._communeSource = new VectorSource();
    this._beyondSource = new VectorSource();
    this._map = new OlMap({
      target,
      layers: [
        new VectorLayer({ source: this._communeSource, style: (feature, resolution) => this._communeStyle(feature, resolution), zIndex: 1 }),
        new VectorLayer({ source: this._beyondSource, style: BEYOND_STYLE, zIndex: 2 }),
      ],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      view: new View({ center: fromLonLat(PROVINCE_CENTER_LON_LAT), zoom: PROVINCE_ZOOM, maxZoom: 18 }),
    });
    new ResizeObserver(() => {
      this._map.updateSize();
      if (this._pendingFit && this._hasSize()) {
        const source = this._pendingFit;
        this._pendingFit = null;
        this._fit(source);
      }
    }).observe(this);
    this._addBaseMap();
  }

  set backendUrl(value) {
    this._backendUrl = value;
    this._addBaseMap();
  }

  get backendUrl() { return this._backendUrl; }

  /** Draws communes coloured by properties.fill, labelled with properties.label; replaces the previous choropleth. */
  showChoropleth(collectionJson) {
    const features = this._format.readFeatures(JSON.parse(collectionJson));
    this._communeSource.clear();
    this._communeSource.addFeatures(features);
    this._map.updateSize();
    this._fit(this._communeSource);
    this.setAttribute('data-choropleth-communes', String(features.length));
  }

  /** Draws the places beyond the analysis distance; replaces the previous ones. */
  showBeyond(collectionJson) {
    const features = this._format.readFeatures(JSON.parse(collectionJson));
    this._beyondSource.clear();
    this._beyondSource.addFeatures(features);
    if (features.length > 0 && this._communeSource.getFeatures().length === 0) {
      this._fit(this._beyondSource);
    }
    this.setAttribute('data-beyond-features', String(features.length));
  }

  clear() {
    this._communeSource?.clear();
    this._beyondSource?.clear();
    this.removeAttribute('data-choropleth-communes');
    this.removeAttribute('data-beyond-features');
  }

  _addBaseMap() {
    if (!this._map || !this._backendUrl || this._baseMapAdded) {
      return;
    }
    this._baseMapAdded = true;
    const source = new VectorTileSource({
      format: new MVT({ layers: ['communes', 'rivers', 'roads'] }),
      url: `${this._backendUrl}/ogc/tiles/WebMercatorQuad/{z}/{y}/{x}`,
      maxZoom: 16,
    });
    source.on('tileloadend', () => this.setAttribute('data-base-map-loaded', ''));
    this._map.addLayer(new VectorTileLayer({ source, style: BASE_STYLE, zIndex: 0 }));
  }

  _communeStyle(feature, resolution) {
    const style = new Style({
      fill: new Fill({ color: feature.get('fill') ?? 'rgba(0, 0, 0, 0)' }),
      stroke: new Stroke({ color: '#455a64', width: 0.8 }),
    });
    if (resolution < LABEL_MAX_RESOLUTION) {
      style.setText(new Text({
        text: feature.get('label') ?? '',
        font: '12px system-ui, sans-serif',
        fill: new Fill({ color: '#263238' }),
        stroke: new Stroke({ color: '#ffffff', width: 3 }),
      }));
    }
    return style;
  }

  _hasSize() {
    const size = this._map.getSize();
    return size && size[0] > 0 && size[1] > 0;
  }

  /** Fits the view to the source now, or once the map has a size: a fit without one zooms in to the maximum. */
  _fit(source) {
    if (!this._hasSize()) {
      this._pendingFit = source;
      return;
    }
    const extent = source.getExtent();
    if (extent && Number.isFinite(extent[0])) {
      this._map.getView().fit(extent, { padding: [20, 20, 20, 20], duration: 0, maxZoom: 15 });
    }
  }
}

if (!customElements.get('langso-analysis-map')) {
  customElements.define('langso-analysis-map', LangsoAnalysisMap);
}
