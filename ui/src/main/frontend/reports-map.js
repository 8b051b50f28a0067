// <reports-map>: a <langso-map> (commune boundaries from the backend) with the layers of citizen reports on top.
// It picks a location (a click on the map, or the device position through the Geolocation API), and it shows
// reports as points that can be selected. The Java class vn.langso.ui.reports.ReportsMap sets its properties and
// listens to its events. Tests wait for the data-* attributes that it sets.
import './langso-map.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { boundingExtent } from 'ol/extent.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';

const PICKED_ZOOM = 15;
/** How long the browser may take to find the device position before it gives up. */
const GEOLOCATION_TIMEOUT_MS = 15000;
const SERVER_SET_PROPERTIES = ['backendUrl', 'lang', 'labelsJson', 'picking', 'reportsJson', 'selectedId', 'pointJson',
  'choroplethJson'];

/** Fill colours of the choropleth by count of open reports: the upper bound of each class and its colour. */
const CHOROPLETH_CLASSES = [[1, '#fee5d9'], [3, '#fcae91'], [6, '#fb6a4a'], [10, '#de2d26'], [Infinity, '#a50f15']];

const STATUS_COLORS = {
  received: '#c62828', reopened: '#c62828', assigned: '#ef6c00', in_progress: '#f9a825',
  resolved: '#2e7d32', closed: '#546e7a', rejected: '#546e7a',
};

class ReportsMap extends HTMLElement {
  constructor() {
    super();
    this._backendUrl = '';
    this._lang = 'vi';
    this._labelsJson = '{}';
    this._picking = false;
    this._reports = [];
    this._selectedId = '';
    this._point = null;
    this._counts = {};
    this._markerSource = new VectorSource();
    this._reportSource = new VectorSource();
  }

  connectedCallback() {
    for (const name of SERVER_SET_PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.style.display = 'block';
    this.style.position = 'relative';
    if (!this._baseMap) {
      this._baseMap = document.createElement('langso-map');
      this._baseMap.style.position = 'absolute';
      this._baseMap.style.inset = '0';
      this._baseMap.style.minHeight = '0';
      this._baseMap.layersJson = '[]';
      this._baseMap.lang = this._lang;
      this._baseMap.labelsJson = this._labelsJson;
      this._baseMap.addEventListener('langso-map-ready', (event) => this._attach(event.detail.map));
      this.appendChild(this._baseMap);
      if (this._baseMap.olMap) {
        this._attach(this._baseMap.olMap);
      }
      this._baseMap.backendUrl = this._backendUrl;
    }
  }

  get backendUrl() { return this._backendUrl; }
  set backendUrl(value) {
    this._backendUrl = String(value ?? '');
    if (this._baseMap) {
      this._baseMap.backendUrl = this._backendUrl;
    }
  }

  get lang() { return this._lang; }
  set lang(value) {
    this._lang = value === 'en' ? 'en' : 'vi';
    if (this._baseMap) {
      this._baseMap.lang = this._lang;
    }
  }

  get labelsJson() { return this._labelsJson; }
  set labelsJson(value) {
    this._labelsJson = String(value ?? '{}');
    if (this._baseMap) {
      this._baseMap.labelsJson = this._labelsJson;
    }
  }

  get picking() { return this._picking; }
  set picking(value) { this._picking = value === true || value === 'true'; }

  /** Reports to draw, as a JSON array of {id, lon, lat, status, overdue, title}. */
  get reportsJson() { return JSON.stringify(this._reports); }
  set reportsJson(value) {
    try {
      this._reports = JSON.parse(String(value ?? '[]')).filter((report) =>
        report && Number.isFinite(report.lon) && Number.isFinite(report.lat));
    } catch (error) {
      console.warn('reports-map: ignoring reportsJson that is not valid JSON', error);
      this._reports = [];
    }
    this._drawReports();
  }

  /** Counts by commune code as JSON, such as {"29869": 3}; the communes are filled by class of count. */
  get choroplethJson() { return JSON.stringify(this._counts); }
  set choroplethJson(value) {
    try {
      this._counts = JSON.parse(String(value ?? '{}')) ?? {};
    } catch (error) {
      console.warn('reports-map: ignoring choroplethJson that is not valid JSON', error);
      this._counts = {};
    }
    this._drawChoropleth();
  }

  get selectedId() { return this._selectedId; }
  set selectedId(value) {
    this._selectedId = String(value ?? '');
    this._reportLayer?.changed();
    const selected = this._reportSource.getFeatureById(this._selectedId);
    if (selected && this._map) {
      this._map.getView().animate({ center: selected.getGeometry().getCoordinates(), duration: 200 });
    }
  }

  /** The picked point as JSON {lon, lat}, or an empty string for none; setting it moves the marker and the view. */
  get pointJson() { return this._point ? JSON.stringify(this._point) : ''; }
  set pointJson(value) {
    if (!value) {
      this._setPoint(null, null);
      return;
    }
    try {
      const point = JSON.parse(String(value));
      this._setPoint(point, null);
      this._centerOnPoint();
    } catch (error) {
      console.warn('reports-map: ignoring pointJson that is not valid JSON', error);
    }
  }

  /** Asks the browser for the device position and picks it; fires reports-map-locate-failed when it cannot. */
  locate() {
    if (!('geolocation' in navigator)) {
      this._locateFailed('unsupported', 'Geolocation API missing');
      return;
    }
    this.setAttribute('data-locating', 'true');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.removeAttribute('data-locating');
        const point = { lon: position.coords.longitude, lat: position.coords.latitude };
        this._setPoint(point, 'device', position.coords.accuracy);
        this._centerOnPoint();
      },
      (error) => {
        this.removeAttribute('data-locating');
        const codes = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };
        this._locateFailed(codes[error.code] ?? 'unavailable', error.message);
      },
      { enableHighAccuracy: true, timeout: GEOLOCATION_TIMEOUT_MS, maximumAge: 60000 });
  }

  /**
   * Test hook: centres the view on a WGS 84 point at a zoom once the communes are drawn (their first drawing fits
   * the view to the province), and resolves once the map has rendered there.
   */
  centerOn(lon, lat, zoom) {
    return new Promise((resolve) => this._afterCommunes(() => {
      this._map.getView().setCenter(fromLonLat([Number(lon), Number(lat)]));
      this._map.getView().setZoom(Number(zoom));
      this._map.once('rendercomplete', () => resolve(true));
      this._map.render();
    }));
  }

  /**
   * Runs the function now if <langso-map> has loaded (or failed to load) the communes, otherwise right after,
   * because that load fits the view to the province and would undo an earlier move.
   */
  _afterCommunes(run) {
    const base = this._baseMap;
    if (!base || base.hasAttribute('data-communes-loaded') || base.hasAttribute('data-load-failed')) {
      run();
      return;
    }
    const observer = new MutationObserver(() => {
      if (base.hasAttribute('data-communes-loaded') || base.hasAttribute('data-load-failed')) {
        observer.disconnect();
        // The fit runs in the same task as the attribute change; move the view after it.
        setTimeout(run, 0);
      }
    });
    observer.observe(base, { attributes: true, attributeFilter: ['data-communes-loaded', 'data-load-failed'] });
  }

  _attach(map) {
    if (this._map) {
      return;
    }
    this._map = map;
    this._reportLayer = new VectorLayer({
      source: this._reportSource,
      style: (feature) => this._reportStyle(feature),
      zIndex: 50,
    });
    this._reportLayer.set('langsoLayer', this._labels().reportsLayer ?? 'reports');
    const markerLayer = new VectorLayer({
      source: this._markerSource,
      style: new Style({
        image: new CircleStyle({ radius: 9, fill: new Fill({ color: '#1565c0' }), stroke: new Stroke({ color: '#ffffff', width: 3 }) }),
      }),
      zIndex: 60,
    });
    map.addLayer(this._reportLayer);
    map.addLayer(markerLayer);
    // 'click' rather than 'singleclick': a listener of the shared map's singleclick that throws stops the ones after
    // it, so picking a location does not depend on the other features' click handlers.
    map.on('click', (event) => this._handleClick(event));
    this._drawReports();
    this._drawChoropleth();
    if (this._point) {
      this._setPoint(this._point, null);
      this._centerOnPoint();
    }
    this.setAttribute('data-ready', 'true');
  }

  _handleClick(event) {
    const hit = this._map.forEachFeatureAtPixel(event.pixel, (feature) => feature,
      { hitTolerance: 4, layerFilter: (layer) => layer === this._reportLayer });
    if (hit) {
      this.selectedId = hit.getId();
      this.dispatchEvent(new CustomEvent('reports-map-selected', { detail: { id: String(hit.getId()) } }));
      return;
    }
    if (this._picking) {
      const [lon, lat] = toLonLat(event.coordinate);
      this._setPoint({ lon, lat }, 'map');
    }
  }

  /** Moves the marker. A source other than null means that the person picked the point, so the server gets an event. */
  _setPoint(point, source, accuracy) {
    this._markerSource.clear();
    if (!point || !Number.isFinite(point.lon) || !Number.isFinite(point.lat)) {
      this._point = null;
      this.removeAttribute('data-point');
      return;
    }
    const lon = Math.round(point.lon * 1e6) / 1e6;
    const lat = Math.round(point.lat * 1e6) / 1e6;
    this._point = { lon, lat };
    this._markerSource.addFeature(new Feature(new Point(fromLonLat([lon, lat]))));
    this.setAttribute('data-point', `${lon},${lat}`);
    if (source) {
      this.dispatchEvent(new CustomEvent('reports-map-picked',
        { detail: { lon, lat, source, accuracy: Number.isFinite(accuracy) ? accuracy : -1 } }));
    }
  }

  _centerOnPoint() {
    if (!this._map || !this._point) {
      return;
    }
    this._afterCommunes(() => {
      if (this._point) {
        const view = this._map.getView();
        view.setCenter(fromLonLat([this._point.lon, this._point.lat]));
        view.setZoom(Math.max(view.getZoom() ?? 0, PICKED_ZOOM));
      }
    });
  }

  _locateFailed(code, message) {
    console.warn(`reports-map: device position unavailable (${code}): ${message}`);
    this.dispatchEvent(new CustomEvent('reports-map-locate-failed', { detail: { code } }));
  }

  _drawReports() {
    this._reportSource.clear();
    const features = this._reports.map((report) => {
      const feature = new Feature({
        geometry: new Point(fromLonLat([report.lon, report.lat])),
        name: report.title ?? `#${report.id}`,
        status: report.status,
        overdue: report.overdue === true,
      });
      feature.setId(String(report.id));
      return feature;
    });
    this._reportSource.addFeatures(features);
    this.setAttribute('data-report-count', String(features.length));
    this.setAttribute('data-report-ids', features.map((feature) => feature.getId()).join(','));
    if (this._map && features.length > 0 && !this._point && !this._fitted) {
      this._fitted = true;
      const extent = boundingExtent(features.map((feature) => feature.getGeometry().getCoordinates()));
      this._afterCommunes(() => this._map.getView().fit(extent, { padding: [40, 40, 40, 40], maxZoom: PICKED_ZOOM, duration: 0 }));
    }
  }

  /**
   * Fills the communes that have a count, in a layer of its own over the commune features that <langso-map> has
   * loaded (its layer is found by its langsoLayer name, so nothing is fetched twice).
   */
  _drawChoropleth() {
    if (!this._map) {
      return;
    }
    if (!this._choroplethLayer) {
      const communes = this._map.getLayers().getArray().find((layer) => layer.get('langsoLayer') === 'communes');
      if (!communes) {
        return;
      }
      this._choroplethLayer = new VectorLayer({
        source: communes.getSource(),
        style: (feature) => this._choroplethStyle(feature),
        zIndex: 1,
      });
      this._map.addLayer(this._choroplethLayer);
    }
    this._choroplethLayer.changed();
    const coloured = Object.values(this._counts).filter((count) => Number(count) > 0).length;
    this.setAttribute('data-choropleth-communes', String(coloured));
  }

  _choroplethStyle(feature) {
    const count = Number(this._counts[feature.get('code')] ?? 0);
    if (!(count > 0)) {
      return null;
    }
    const color = CHOROPLETH_CLASSES.find(([upper]) => count <= upper)[1];
    return new Style({ fill: new Fill({ color: `${color}b3` }) });
  }

  _reportStyle(feature) {
    const selected = feature.getId() === this._selectedId;
    const color = STATUS_COLORS[feature.get('status')] ?? '#37474f';
    return new Style({
      image: new CircleStyle({
        radius: selected ? 10 : 7,
        fill: new Fill({ color }),
        stroke: new Stroke({ color: feature.get('overdue') ? '#000000' : '#ffffff', width: selected ? 4 : 2 }),
      }),
      text: selected ? new Text({ text: feature.get('name'), offsetY: -18, font: '600 12px sans-serif',
        fill: new Fill({ color: '#212121' }), stroke: new Stroke({ color: '#ffffff', width: 3 }) }) : undefined,
    });
  }

  _labels() {
    try {
      return JSON.parse(this._labelsJson);
    } catch (error) {
      return {};
    }
  }
}

if (!customElements.get('reports-map')) {
  customElements.define('reports-map', ReportsMap);
}
