// <langso-rooms-overlay>: draws the cooperatives and clubs that have meeting rooms on <langso-map>, from the
// backend's public GeoJSON /api/v1/rooms/places (no topics and no names of people). It takes the OpenLayers map
// from the map element's olMap property, or waits for its langso-map-ready event.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';

const REFRESH_MS = 60000;

class LangsoRoomsOverlay extends HTMLElement {

  connectedCallback() {
    const map = document.querySelector('langso-map');
    if (!map) {
      this.retry = setTimeout(() => this.connectedCallback(), 100);
      return;
    }
    if (map.olMap) {
      this.attach(map.olMap);
    } else {
      map.addEventListener('langso-map-ready', event => this.attach(event.detail.map), { once: true });
    }
  }

  disconnectedCallback() {
    clearTimeout(this.retry);
    clearInterval(this.timer);
    if (this.map && this.layer) { this.map.removeLayer(this.layer); }
  }

  attach(map) {
    const labels = JSON.parse(this.labelsJson || '{}');
    this.map = map;
    this.source = new VectorSource();
    this.layer = new VectorLayer({
      source: this.source,
      zIndex: 50,
      style: feature => {
        const live = feature.get('liveCount') > 0;
        return new Style({
          image: new Circle({
            radius: 9,
            fill: new Fill({ color: live ? '#d32f2f' : '#6a1b9a' }),
            stroke: new Stroke({ color: '#ffffff', width: 2 }),
          }),
          text: new Text({
            text: live ? labels['live'] || 'live' : String(feature.get('roomCount')),
            offsetY: -16,
            font: '12px sans-serif',
            fill: new Fill({ color: '#222222' }),
            stroke: new Stroke({ color: '#ffffff', width: 3 }),
          }),
        });
      },
    });
    this.layer.set('name', 'rooms');
    map.addLayer(this.layer);
    this.load();
    this.timer = setInterval(() => this.load(), REFRESH_MS);
  }

  async load() {
    try {
      const response = await fetch(this.backendUrl + '/api/v1/rooms/places');
      if (!response.ok) { return; }
      const features = new GeoJSON().readFeatures(await response.json(), { featureProjection: 'EPSG:3857' });
      this.source.clear();
      this.source.addFeatures(features);
      this.setAttribute('feature-count', String(features.length));
    } catch (error) {
      console.warn('Meeting rooms could not be loaded for the map:', error);
    }
  }
}

customElements.define('langso-rooms-overlay', LangsoRoomsOverlay);
