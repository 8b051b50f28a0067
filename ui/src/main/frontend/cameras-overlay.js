// <langso-camera-overlay>: draws the cameras on the <langso-map> with their live status (green online, red offline,
// grey unknown) and the vehicles counted in the current hour, updated from the live stream. Clicking a camera opens
// its panel at cameras/{id}. The Java class vn.langso.ui.cameras.CameraOverlay sets the properties.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat } from 'ol/proj.js';
import { onCameraEvent, onCameraStreamOpen, parseJson } from './cameras-live.js';

export const STATUS_COLOURS = { online: '#2e7d32', offline: '#c62828', unknown: '#757575' };
const SERVER_SET_PROPERTIES = ['backendUrl', 'labelsJson', 'lang', 'linkToPanel'];
const HOUR_MS = 3600 * 1000;

class LangsoCameraOverlay extends HTMLElement {
  constructor() {
    super();
    this._backendUrl = '';
    this._labels = {};
    this._lang = 'vi';
    this._linkToPanel = true;
    this._features = new Map();
    this._unsubscribe = [];
  }

  connectedCallback() {
    for (const name of SERVER_SET_PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.style.display = 'none';
    this._start();
  }

  disconnectedCallback() {
    this._unsubscribe.forEach((unsubscribe) => unsubscribe());
    this._unsubscribe = [];
    this._started = false;
    if (this._map && this._layer) {
      this._map.removeLayer(this._layer);
    }
  }

  get backendUrl() { return this._backendUrl; }
  set backendUrl(value) {
    this._backendUrl = String(value ?? '').replace(/\/+$/, '');
    this._start();
  }

  get labelsJson() { return JSON.stringify(this._labels); }
  set labelsJson(value) { this._labels = parseJson(value, {}); }

  get lang() { return this._lang; }
  set lang(value) { this._lang = value === 'en' ? 'en' : 'vi'; }

  /** Whether clicking a camera opens its page; the search page turns it off while the user draws an area. */
  get linkToPanel() { return this._linkToPanel; }
  set linkToPanel(value) { this._linkToPanel = value !== false && value !== 'false'; }

  _start() {
    if (this._started || !this._backendUrl || !this.isConnected) {
      return;
    }
    const mapElement = document.querySelector('langso-map');
    if (!mapElement) {
      console.warn('<langso-camera-overlay> found no <langso-map> on the page');
      return;
    }
    this._started = true;
    if (mapElement.olMap) {
      this._attach(mapElement.olMap);
    } else {
      mapElement.addEventListener('langso-map-ready', (event) => this._attach(event.detail.map), { once: true });
    }
  }

  _attach(map) {
    this._map = map;
    this._source = new VectorSource();
    this._layer = new VectorLayer({ source: this._source, zIndex: 50, style: (feature) => this._style(feature) });
    this._layer.set('langsoCameraOverlay', true);
    map.addLayer(this._layer);
    map.on('singleclick', (event) => {
      const feature = map.forEachFeatureAtPixel(event.pixel, (candidate) => candidate,
        { layerFilter: (layer) => layer === this._layer, hitTolerance: 4 });
      const key = feature?.get('camera');
      if (key && this._linkToPanel) {
        window.location.assign(`cameras/${encodeURIComponent(key)}?lang=${this._lang}`);
      }
    });
    this._unsubscribe.push(onCameraEvent(this._backendUrl, 'cameras.status', (data) => this._onStatus(data)));
    this._unsubscribe.push(onCameraEvent(this._backendUrl, 'cameras.count', (data) => this._onCount(data)));
    onCameraStreamOpen(this._backendUrl, () => this.setAttribute('data-live', 'open'));
    this._load();
  }

  async _load() {
    try {
      const response = await fetch(`${this._backendUrl}/api/v1/cameras`, { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      const body = await response.json();
      for (const camera of body.cameras ?? []) {
        this._addCamera(camera);
      }
      this.setAttribute('data-cameras', String(this._features.size));
      await Promise.all([...this._features.values()].map((feature) => this._loadHourCount(feature)));
    } catch (error) {
      console.warn('Camera list unavailable', error);
      this.setAttribute('data-cameras', 'failed');
    }
  }

  _addCamera(camera) {
    if (typeof camera.lon !== 'number' || typeof camera.lat !== 'number') {
      return;
    }
    const feature = new Feature({ geometry: new Point(fromLonLat([camera.lon, camera.lat])) });
    feature.set('camera', camera.camera);
    feature.set('name', camera.name);
    feature.set('status', camera.status ?? 'unknown');
    feature.set('hourCount', null);
    feature.set('hourStart', currentHourStart());
    this._features.set(camera.camera ?? `feature-${camera.featureId}`, feature);
    this._source.addFeature(feature);
  }

  async _loadHourCount(feature) {
    const key = feature.get('camera');
    if (!key) {
      return;
    }
    const hourStart = currentHourStart();
    const from = new Date(hourStart).toISOString();
    const to = new Date(hourStart + HOUR_MS).toISOString();
    const url = `${this._backendUrl}/api/v1/cameras/${encodeURIComponent(key)}/counts?interval=60&from=${from}&to=${to}`;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const body = await response.json();
        const total = (body.buckets ?? []).reduce((sum, bucket) => sum + bucket.count, 0);
        feature.set('hourCount', (feature.get('hourCount') ?? 0) + total);
      }
    } catch (error) {
      console.warn(`Counts of camera ${key} unavailable`, error);
    }
  }

  _onStatus(data) {
    const feature = this._features.get(data.camera);
    if (feature) {
      feature.set('status', data.layerStatus ?? (data.status === 'online' ? 'online' : 'offline'));
      this.setAttribute('data-last-status', `${data.camera}:${feature.get('status')}`);
    }
  }

  _onCount(data) {
    const feature = this._features.get(data.camera);
    if (!feature) {
      return;
    }
    const hourStart = currentHourStart();
    if (feature.get('hourStart') !== hourStart) {
      feature.set('hourStart', hourStart);
      feature.set('hourCount', 0);
    }
    const added = (data.counts ?? [])
      .filter((count) => Date.parse(count.intervalStart) >= hourStart)
      .reduce((sum, count) => sum + count.count, 0);
    feature.set('hourCount', (feature.get('hourCount') ?? 0) + added);
  }

  _style(feature) {
    const status = feature.get('status');
    const count = feature.get('hourCount');
    const statusLabel = this._labels[`status.${status}`] ?? status;
    return new Style({
      image: new CircleStyle({
        radius: 9,
        fill: new Fill({ color: STATUS_COLOURS[status] ?? STATUS_COLOURS.unknown }),
        stroke: new Stroke({ color: '#ffffff', width: 2 }),
      }),
      text: new Text({
        text: count === null ? statusLabel : `${count} · ${statusLabel}`,
        offsetY: -18,
        font: '600 12px sans-serif',
        fill: new Fill({ color: '#1b1b1b' }),
        stroke: new Stroke({ color: '#ffffff', width: 3 }),
      }),
    });
  }
}

function currentHourStart() {
  return Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
}

customElements.define('langso-camera-overlay', LangsoCameraOverlay);
