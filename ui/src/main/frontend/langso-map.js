// <langso-map>: the Làng Số map, a plain custom element over OpenLayers. The base map is the backend's own vector
// tiles from /ogc/tiles: communes, and rivers or roads where imported. It uses no online tile server, because the
// machines it serves are often offline. Over it, the current communes (for search, selection and popups) and one clustered
// vector layer per point layer are fetched as GeoJSON from the backend's public API. The Java class vn.langso.ui.map.LangsoMap sets its
// properties. Tests wait for the data-* attributes that it sets once data is drawn.
import 'ol/ol.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import Cluster from 'ol/source/Cluster.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { boundingExtent, getWidth, getHeight } from 'ol/extent.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { communeContent, featureContent, label } from './langso-map-popup.js';
import { baseMapStyle, clusterStyle, communeStyle, layerColor } from './langso-map-styles.js';

const PROVINCE_CENTER_LON_LAT = [105.9, 10.45];
const PROVINCE_ZOOM = 9;
const MAX_ZOOM = 19;
/** Points closer than this many pixels form a cluster below CLUSTER_MAX_ZOOM; above it each point is drawn alone. */
const CLUSTER_DISTANCE_PX = 40;
const CLUSTER_MAX_ZOOM = 15;
/** Layers of the backend's base map tiles that are drawn; its place layers are drawn from GeoJSON instead. */
const BASE_MAP_LAYERS = ['communes', 'rivers', 'roads'];
/** Deepest zoom the base map is fetched at; deeper views scale those tiles, which hold enough detail. */
const BASE_MAP_MAX_ZOOM = 16;
/** The features API serves pages of at most this many features; a layer is read for at most MAX_PAGES pages. */
const PAGE_LIMIT = 1000;
const MAX_PAGES = 50;
const COMMUNE_LIMIT = 1000;

/** Properties that the Java class sets, possibly before this element is defined. */
const SERVER_SET_PROPERTIES = ['backendUrl', 'lang', 'layersJson', 'labelsJson', 'visibleLayers'];

class LangsoMap extends HTMLElement {
  constructor() {
    super();
    this._backendUrl = '';
    this._lang = 'vi';
    this._layerSpecs = [];
    this._labels = {};
    this._visibleLayers = null;
    this._pointLayers = new Map();
    this._loadedLayers = new Set();
    this._selectedCommuneCode = null;
    this._format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
    this._communesRequested = false;
    /** Set once a caller moved the view, so that the late fit to the loaded communes does not undo that move. */
    this._viewMovedByCaller = false;
  }

  connectedCallback() {
    // Properties set before this element was defined sit on the instance and hide the accessors: re-apply them.
    for (const name of SERVER_SET_PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    if (!this._map) {
      this._createMap();
    }
    this._resizeObserver.observe(this);
    this._loadWhenReady();
  }

  disconnectedCallback() {
    this._resizeObserver?.disconnect();
  }

  get backendUrl() { return this._backendUrl; }
  set backendUrl(value) {
    this._backendUrl = String(value ?? '').replace(/\/+$/, '');
    this._loadWhenReady();
  }

  get lang() { return this._lang; }
  set lang(value) { this._lang = value === 'en' ? 'en' : 'vi'; }

  get layersJson() { return JSON.stringify(this._layerSpecs); }
  set layersJson(value) {
    this._layerSpecs = parseJson(value, []).filter((spec) => spec && typeof spec.name === 'string');
    this._loadWhenReady();
  }

  get labelsJson() { return JSON.stringify(this._labels); }
  set labelsJson(value) { this._labels = parseJson(value, {}); }

  get visibleLayers() { return this._visibleLayers ? [...this._visibleLayers].join(',') : ''; }
  set visibleLayers(value) {
    this._visibleLayers = new Set(String(value ?? '').split(',').map((name) => name.trim()).filter(Boolean));
    this._applyVisibility();
  }

  /** Zooms to a WGS 84 bounding box and highlights the commune with that code. */
  showCommune(code, west, south, east, north) {
    const box = [west, south, east, north].map(Number);
    if (box.some((value) => !Number.isFinite(value)) || box[0] > box[2] || box[1] > box[3]) {
      console.warn(`langso-map: ignoring invalid bounding box ${box.join(',')} for commune ${code}`);
      return;
    }
    this._selectedCommuneCode = String(code);
    this._viewMovedByCaller = true;
    this._communeLayer.changed();
    this._map.getView().fit(transformExtent(box, 'EPSG:4326', 'EPSG:3857'),
      { padding: [40, 40, 40, 40], maxZoom: CLUSTER_MAX_ZOOM, duration: 0 });
    this.setAttribute('data-selected-commune', this._selectedCommuneCode);
  }

  /** Returns the view's centre (lon, lat), zoom and WGS 84 extent, for tests and diagnostics. */
  viewState() {
    const view = this._map.getView();
    const extent = transformExtent(view.calculateExtent(this._map.getSize()), 'EPSG:3857', 'EPSG:4326');
    return { center: toLonLat(view.getCenter()), zoom: view.getZoom(), extent };
  }

  /**
   * Test hook: zooms to the first feature of a layer that is drawn alone, not clustered with another. Resolves to its
   * position in viewport (client) pixels with its id and name, or to null when the layer has no such feature.
   */
  async pixelOfFirstFeature(layerName) {
    const entry = this._pointLayers.get(layerName);
    if (!entry) {
      throw new Error(`langso-map: unknown layer ${layerName}; known: ${[...this._pointLayers.keys()].join(',')}`);
    }
    entry.layer.setVisible(true);
    this._viewMovedByCaller = true;
    for (const feature of entry.source.getFeatures().slice(0, 25)) {
      const coordinate = feature.getGeometry().getCoordinates();
      this._map.getView().setCenter(coordinate);
      this._map.getView().setZoom(MAX_ZOOM - 2);
      await this._renderComplete();

      const pixel = this._map.getPixelFromCoordinate(coordinate);
      const hits = this._map.getFeaturesAtPixel(pixel, { hitTolerance: 2, layerFilter: (layer) => layer === entry.layer });
      const members = hits.length === 1 ? hits[0].get('features') : null;
      if (members && members.length === 1 && members[0] === feature) {
        const viewport = this._map.getViewport().getBoundingClientRect();
        return { x: viewport.left + pixel[0], y: viewport.top + pixel[1], id: feature.getId(), name: feature.get('name') };
      }
    }
    return null;
  }

  /**
   * Test hook: resolves to the viewport (client) pixel and size of a cluster of more than one feature of the layer
   * as drawn at the current view, or to null when the layer shows no cluster there.
   */
  async clusterPixel(layerName) {
    const entry = this._pointLayers.get(layerName);
    if (!entry) {
      throw new Error(`langso-map: unknown layer ${layerName}; known: ${[...this._pointLayers.keys()].join(',')}`);
    }
    await this._renderComplete();
    const size = this._map.getSize();
    const viewport = this._map.getViewport().getBoundingClientRect();
    for (const cluster of entry.cluster.getFeatures()) {
      const members = cluster.get('features');
      const pixel = this._map.getPixelFromCoordinate(cluster.getGeometry().getCoordinates());
      const inside = pixel[0] > 30 && pixel[1] > 30 && pixel[0] < size[0] - 30 && pixel[1] < size[1] - 30;
      if (members.length > 1 && inside) {
        return { x: viewport.left + pixel[0], y: viewport.top + pixel[1], size: members.length };
      }
    }
    return null;
  }

  _createMap() {
    const target = document.createElement('div');
    target.className = 'langso-map-target';
    this.appendChild(target);

    this._popup = this._createPopupElement();
    this.appendChild(this._popup);
    this._popupOverlay = new Overlay({
      element: this._popup,
      positioning: 'bottom-center',
      offset: [0, -14],
      autoPan: { animation: { duration: 150 } },
    });

    this._communeSource = new VectorSource();
    this._communeLayer = new VectorLayer({
      source: this._communeSource,
      style: (feature, resolution) => communeStyle(feature, resolution, this._selectedCommuneCode),
      zIndex: 0,
    });
    this._communeLayer.set('langsoLayer', 'communes');

    this._map = new OlMap({
      target,
      layers: [this._communeLayer],
      overlays: [this._popupOverlay],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      view: new View({ center: fromLonLat(PROVINCE_CENTER_LON_LAT), zoom: PROVINCE_ZOOM, maxZoom: MAX_ZOOM }),
    });
    this._map.on('singleclick', (event) => this._handleClick(event));
    this._map.on('pointermove', (event) => {
      if (!event.dragging) {
        const overPoint = this._map.hasFeatureAtPixel(event.pixel, { layerFilter: (layer) => this._isPointLayer(layer) });
        this._map.getTargetElement().style.cursor = overPoint ? 'pointer' : '';
      }
    });
    this._map.getView().on('change:resolution', () => this._updateClusterDistance());
    this._resizeObserver = new ResizeObserver(() => this._map.updateSize());

    // Features add their own overlays (live cameras, traceability journeys, rooms) from their own modules:
    // they read `olMap` once it exists, or wait for this event, instead of editing this file.
    this.dispatchEvent(new CustomEvent('langso-map-ready', { detail: { map: this._map }, bubbles: true }));
  }

  /** The OpenLayers map (EPSG:3857 view), for feature overlays; undefined until the element is connected. */
  get olMap() { return this._map; }

  /**
   * True for this element's clustered point layers: clicks and the pointer cursor ignore the base map tiles, the
   * communes and the overlays that other features add with their own click handling.
   */
  _isPointLayer(layer) {
    const name = layer.get('langsoLayer');
    return name !== undefined && this._pointLayers.get(name)?.layer === layer;
  }

  _createPopupElement() {
    const popup = document.createElement('div');
    popup.id = 'langso-popup';
    popup.className = 'langso-popup';
    popup.hidden = true;

    const closer = document.createElement('button');
    closer.type = 'button';
    closer.className = 'langso-popup-closer';
    closer.textContent = '×';
    closer.addEventListener('click', () => this._hidePopup());
    popup.appendChild(closer);

    const content = document.createElement('div');
    content.className = 'langso-popup-content';
    popup.appendChild(content);
    return popup;
  }

  _loadWhenReady() {
    if (!this._map || !this._backendUrl) {
      return;
    }
    if (!this._communesRequested) {
      this._communesRequested = true;
      this._addBaseMap();
      this._loadCommunes();
    }
    this._layerSpecs.forEach((spec, index) => {
      if (!this._pointLayers.has(spec.name)) {
        this._addPointLayer(spec, index);
      }
    });
  }

  _addBaseMap() {
    const url = `${this._backendUrl}/ogc/tiles/WebMercatorQuad/{z}/{y}/{x}`;
    const source = new VectorTileSource({
      format: new MVT({ layers: BASE_MAP_LAYERS }),
      url,
      maxZoom: BASE_MAP_MAX_ZOOM,
    });
    let loadedTiles = 0;
    let failureReported = false;
    source.on('tileloadend', () => {
      loadedTiles++;
      this.setAttribute('data-base-map-tiles', String(loadedTiles));
    });
    source.on('tileloaderror', () => {
      if (!failureReported) {
        failureReported = true;
        this._reportLoadFailure(url, new Error('a base map tile could not be loaded'));
      }
    });
    const layer = new VectorTileLayer({ source, style: baseMapStyle, zIndex: -1 });
    layer.set('langsoLayer', 'base-map');
    this._map.addLayer(layer);
  }

  async _loadCommunes() {
    const url = `${this._backendUrl}/api/v1/communes?limit=${COMMUNE_LIMIT}`;
    try {
      const collection = await fetchJson(url);
      const features = this._format.readFeatures(collection);
      this._communeSource.clear();
      this._communeSource.addFeatures(features);
      if (!this._viewMovedByCaller && features.length > 0) {
        this._map.getView().fit(this._communeSource.getExtent(), { padding: [20, 20, 20, 20], duration: 0 });
      }
      this.setAttribute('data-communes-loaded', String(features.length));
    } catch (error) {
      this._reportLoadFailure(url, error);
    }
  }

  _addPointLayer(spec, index) {
    const source = new VectorSource();
    const cluster = new Cluster({ source, distance: this._clusterDistance() });
    const color = layerColor(spec.name);
    const layer = new VectorLayer({
      source: cluster,
      style: (feature) => clusterStyle(feature, color),
      zIndex: 10 + index,
      visible: !this._visibleLayers || this._visibleLayers.has(spec.name),
    });
    layer.set('langsoLayer', spec.name);
    this._pointLayers.set(spec.name, { spec, source, cluster, layer });
    this._map.addLayer(layer);
    this._loadPointLayer(spec.name, source);
  }

  async _loadPointLayer(name, source) {
    let url = `${this._backendUrl}/api/v1/layers/${encodeURIComponent(name)}/features?limit=${PAGE_LIMIT}`;
    const features = [];
    try {
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const collection = await fetchJson(url);
        features.push(...this._format.readFeatures(collection));
        url = nextPageUrl(collection, url);
      }
      if (url) {
        console.warn(`langso-map: layer ${name} has more than ${MAX_PAGES * PAGE_LIMIT} features; showing the first ones`);
      }
      features.forEach((feature) => feature.set('layer', name, true));
      source.addFeatures(features);
      this._loadedLayers.add(name);
      this.setAttribute('data-layers-loaded', [...this._loadedLayers].sort().join(','));
      this.setAttribute(`data-layer-${name}-count`, String(features.length));
    } catch (error) {
      this._reportLoadFailure(url, error);
    }
  }

  /** Marks the failure; only the first one is sent to the server, because one backend outage fails every request. */
  _reportLoadFailure(url, error) {
    console.error(`langso-map: loading ${url} failed`, error);
    const alreadyReported = this.hasAttribute('data-load-failed');
    this.setAttribute('data-load-failed', url);
    if (!alreadyReported) {
      this.dispatchEvent(new CustomEvent('langso-map-load-failed', { detail: { url, message: String(error) } }));
    }
  }

  _applyVisibility() {
    for (const [name, entry] of this._pointLayers) {
      entry.layer.setVisible(!this._visibleLayers || this._visibleLayers.has(name));
    }
    const shownLayer = this._popup?.dataset.layer;
    if (shownLayer && this._visibleLayers && !this._visibleLayers.has(shownLayer)) {
      this._hidePopup();
    }
  }

  _clusterDistance() {
    const zoom = this._map?.getView().getZoom() ?? PROVINCE_ZOOM;
    return zoom >= CLUSTER_MAX_ZOOM ? 0 : CLUSTER_DISTANCE_PX;
  }

  _updateClusterDistance() {
    const distance = this._clusterDistance();
    for (const entry of this._pointLayers.values()) {
      if (entry.cluster.getDistance() !== distance) {
        entry.cluster.setDistance(distance);
      }
    }
  }

  _handleClick(event) {
    const hit = this._map.forEachFeatureAtPixel(event.pixel, (feature, layer) => ({ feature, layer }),
      { hitTolerance: 4, layerFilter: (layer) => this._isPointLayer(layer) });
    if (hit) {
      const members = hit.feature.get('features') ?? [hit.feature];
      const extent = boundingExtent(members.map((member) => member.getGeometry().getCoordinates()));
      if (members.length > 1 && (getWidth(extent) > 0 || getHeight(extent) > 0)) {
        this._hidePopup();
        this._map.getView().fit(extent, { padding: [60, 60, 60, 60], maxZoom: MAX_ZOOM - 1, duration: 250 });
        return;
      }
      this._showFeaturePopup(members, hit.layer.get('langsoLayer'), members[0].getGeometry().getCoordinates());
      return;
    }
    const commune = this._map.forEachFeatureAtPixel(event.pixel, (feature) => feature,
      { layerFilter: (layer) => layer === this._communeLayer });
    if (commune) {
      this._showCommunePopup(commune, event.coordinate);
    } else {
      this._hidePopup();
    }
  }

  /** Shows the attributes of one feature, or of several that share one position. */
  _showFeaturePopup(features, layerName, coordinate) {
    const spec = this._layerSpecs.find((candidate) => candidate.name === layerName);
    this._popup.querySelector('.langso-popup-content')
      .replaceChildren(...featureContent(features, spec?.title || layerName, this._labels, this._lang));
    this._popup.dataset.layer = layerName;
    this._popup.dataset.featureId = String(features[0].getId() ?? '');
    this._openPopup(coordinate);
  }

  _showCommunePopup(commune, coordinate) {
    this._popup.querySelector('.langso-popup-content')
      .replaceChildren(...communeContent(commune, this._labels, this._lang));
    this._popup.dataset.layer = 'communes';
    this._popup.dataset.featureId = String(commune.get('code') ?? '');
    this._openPopup(coordinate);
  }

  _openPopup(coordinate) {
    this._popup.querySelector('.langso-popup-closer').setAttribute('aria-label', label(this._labels, 'close'));
    this._popup.hidden = false;
    this._popupOverlay.setPosition(coordinate);
    this.setAttribute('data-popup-open', this._popup.dataset.featureId);
  }

  _hidePopup() {
    this._popup.hidden = true;
    this._popupOverlay.setPosition(undefined);
    delete this._popup.dataset.layer;
    this.removeAttribute('data-popup-open');
  }

  _renderComplete() {
    return new Promise((resolve) => {
      this._map.once('rendercomplete', () => resolve());
      this._map.render();
    });
  }
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status} from ${url}`);
  }
  return response.json();
}

/** Returns the absolute URL of the page after this one, from the collection's links with rel "next", or null. */
function nextPageUrl(collection, currentUrl) {
  const next = (collection?.links ?? []).find((link) => link && link.rel === 'next' && link.href);
  return next ? new URL(next.href, currentUrl).toString() : null;
}

function parseJson(value, fallback) {
  if (typeof value !== 'string') {
    return value ?? fallback;
  }
  try {
    return JSON.parse(value);
  } catch (error) {
    console.warn('langso-map: ignoring a property that is not valid JSON', error);
    return fallback;
  }
}

if (!customElements.get('langso-map')) {
  customElements.define('langso-map', LangsoMap);
}
