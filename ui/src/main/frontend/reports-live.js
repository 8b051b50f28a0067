// <reports-live>: listens to the report changes on the page's shared live stream (langso-live.js, Server-Sent
// Events of /api/v1/live) and fires reports-live-change for each one, so that the page re-reads the report
// through the server, where access is checked. The events hold no personal data. The browser's EventSource
// reconnects by itself after a dropped connection, and data-connected is true while the stream is open.
import { acquireLiveStream } from './langso-live.js';

const EVENT_NAMES = ['reports.created', 'reports.updated'];

class ReportsLive extends HTMLElement {
  constructor() {
    super();
    this._backendUrl = '';
  }

  connectedCallback() {
    if (Object.prototype.hasOwnProperty.call(this, 'backendUrl')) {
      const value = this.backendUrl;
      delete this.backendUrl;
      this.backendUrl = value;
    }
    this.style.display = 'none';
    this._open();
  }

  disconnectedCallback() {
    this._close();
  }

  get backendUrl() { return this._backendUrl; }
  set backendUrl(value) {
    this._backendUrl = String(value ?? '').replace(/\/+$/, '');
    if (this.isConnected) {
      this._close();
      this._open();
    }
  }

  _open() {
    if (!this._backendUrl || this._source) {
      return;
    }
    this._stream = acquireLiveStream(this._backendUrl);
    this._source = this._stream.source;
    this._handlers = [
      ['open', () => this.setAttribute('data-connected', 'true')],
      ['error', () => this.setAttribute('data-connected', 'false')],
      ...EVENT_NAMES.map((name) => [name, (message) => this._forward(name, message)]),
    ];
    for (const [name, handler] of this._handlers) {
      this._source.addEventListener(name, handler);
    }
    if (this._source.readyState === EventSource.OPEN) {
      this.setAttribute('data-connected', 'true');
    }
  }

  _close() {
    for (const [name, handler] of this._handlers ?? []) {
      this._source?.removeEventListener(name, handler);
    }
    this._handlers = null;
    this._stream?.release();
    this._stream = null;
    this._source = null;
    this.removeAttribute('data-connected');
  }

  _forward(name, message) {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (error) {
      console.warn(`reports-live: ignoring ${name} whose data is not JSON`, error);
      return;
    }
    const id = event?.data?.id;
    if (id === undefined || id === null) {
      return;
    }
    this.setAttribute('data-last-event', `${name}:${id}`);
    this.dispatchEvent(new CustomEvent('reports-live-change', {
      detail: { id: String(id), type: name.substring('reports.'.length), status: String(event.data.status ?? '') },
    }));
  }
}

if (!customElements.get('reports-live')) {
  customElements.define('reports-live', ReportsLive);
}
