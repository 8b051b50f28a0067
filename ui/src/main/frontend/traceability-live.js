// Live traceability overlay for the main map: reads the backend's Server-Sent Events (topic "traceability") and
// draws each captured EPCIS event at its read point, newest highlighted. Attached by TraceabilityOverlay.java.
import { acquireLiveStream } from './langso-live.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import { fromLonLat } from 'ol/proj.js';

/** Events kept on the map; older ones are removed so that a long session stays light. */
const MAX_EVENTS = 500;

const eventStyle = new Style({
  image: new Circle({ radius: 7, fill: new Fill({ color: '#2e7d32' }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
});

class TraceabilityOverlay extends HTMLElement {
  connectedCallback() {
    // Vaadin may connect the element more than once; one stream and one layer are enough.
    if (this._source) {
      return;
    }
    this.style.display = 'none';
    this.setAttribute('data-event-count', '0');
    this._source = new VectorSource();
    this._layer = new VectorLayer({ source: this._source, style: eventStyle, zIndex: 50 });
    this._layer.set('langsoLayer', 'traceability-live');
    const mapElement = document.querySelector('langso-map');
    if (mapElement && mapElement.olMap) {
      this._attach(mapElement.olMap);
    } else {
      this._onReady = (event) => this._attach(event.detail.map);
      document.addEventListener('langso-map-ready', this._onReady);
    }
    // Vaadin may set backendUrl right after the element is attached, so connect on the next task.
    setTimeout(() => this._connect(), 0);
  }

  disconnectedCallback() {
    if (this._events) {
      this._events.removeEventListener('traceability.event-captured', this._onCaptured);
      this._stream.release();
      this._events = undefined;
      this._stream = undefined;
    }
    if (this._onReady) {
      document.removeEventListener('langso-map-ready', this._onReady);
    }
    if (this._map) {
      this._map.removeLayer(this._layer);
      this._map = undefined;
    }
    this._source = undefined;
  }

  _attach(map) {
    if (this._map) {
      return;
    }
    this._map = map;
    map.addLayer(this._layer);
  }

  _connect() {
    if (this._events || !this.isConnected) {
      return;
    }
    const base = (this.backendUrl || '').replace(/\/$/, '');
    this._stream = acquireLiveStream(base);
    this._events = this._stream.source;
    if (this._events.readyState === EventSource.OPEN) {
      this.setAttribute('data-connected', 'true');
    }
    this._events.addEventListener('open', () => this.setAttribute('data-connected', 'true'));
    this._onCaptured = (message) => this._show(JSON.parse(message.data));
    this._events.addEventListener('traceability.event-captured', this._onCaptured);
  }

  _show(liveEvent) {
    const data = liveEvent.data || {};
    const count = Number(this.getAttribute('data-event-count')) + 1;
    this.setAttribute('data-event-count', String(count));
    this.setAttribute('data-last-event-id', data.eventId || '');
    if (typeof data.lon !== 'number' || typeof data.lat !== 'number') {
      return;
    }
    const feature = new Feature({ geometry: new Point(fromLonLat([data.lon, data.lat])) });
    feature.setId(data.eventId);
    feature.setProperties({ eventId: data.eventId, type: data.type, bizStep: data.bizStep, at: data.at, batch: data.batch });
    this._source.addFeature(feature);
    const features = this._source.getFeatures();
    if (features.length > MAX_EVENTS) {
      this._source.removeFeature(features[0]);
    }
    this.setAttribute('data-located-count', String(this._source.getFeatures().length));
  }
}

if (!customElements.get('langso-traceability-overlay')) {
  customElements.define('langso-traceability-overlay', TraceabilityOverlay);
}
