// <langso-camera-panel>: the live view of one camera. It draws a stacked bar chart (SVG, no external library) of the
// vehicles counted per minute and class over the last 30 minutes and adds counts as they arrive on the live stream.
// Below the chart it shows the latest snapshot and the list of violations. Snapshots are served to officials only, so an anonymous
// visitor sees their description without the picture. They load through the ui's `snapshot-url` (with ?violation=ID),
// which adds the signed-in user's token on the server, because the token never reaches the browser. The Java class vn.langso.ui.cameras.CameraPanel sets the
// properties. Tests wait for the data-* attributes set here.
import { onCameraEvent, onCameraStreamOpen, parseJson } from './cameras-live.js';

const MINUTE_MS = 60 * 1000;
const CHART_MINUTES = 30;
const CLASS_COLOURS = {
  motorbike: '#1565c0', car: '#2e7d32', bus: '#f9a825', truck: '#6d4c41', bicycle: '#8e24aa', person: '#c62828',
};
const OTHER_COLOUR = '#757575';
const SVG_NS = 'http://www.w3.org/2000/svg';
const SERVER_SET_PROPERTIES = ['backendUrl', 'camera', 'labelsJson'];
const VIOLATION_LIMIT = 20;

class LangsoCameraPanel extends HTMLElement {
  constructor() {
    super();
    this._backendUrl = '';
    this._camera = '';
    this._labels = {};
    /** Counts per minute start (epoch ms) and class. */
    this._minutes = new Map();
    this._total = 0;
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
    if (!this._built) {
      this._build();
    }
    this._start();
  }

  disconnectedCallback() {
    this._unsubscribe.forEach((unsubscribe) => unsubscribe());
    this._unsubscribe = [];
    this._started = false;
    clearInterval(this._timer);
  }

  get backendUrl() { return this._backendUrl; }
  set backendUrl(value) {
    this._backendUrl = String(value ?? '').replace(/\/+$/, '');
    this._start();
  }

  get camera() { return this._camera; }
  set camera(value) {
    this._camera = String(value ?? '');
    this._start();
  }

  get labelsJson() { return JSON.stringify(this._labels); }
  set labelsJson(value) {
    this._labels = parseJson(value, {});
    if (this._built) {
      this._renderChart();
    }
  }

  _label(key, fallback) {
    return this._labels[key] ?? fallback;
  }

  _build() {
    this._built = true;
    this.classList.add('langso-camera-panel');
    this.innerHTML = '';
    const style = document.createElement('style');
    style.textContent = PANEL_CSS;
    this._status = element('p', 'camera-status');
    this._totalText = element('p', 'camera-total');
    this._chart = element('div', 'camera-chart');
    this._legend = element('div', 'camera-legend');
    this._snapshot = element('figure', 'camera-latest-snapshot');
    this._violations = element('ul', 'camera-violations');
    const chartHeading = element('h2');
    chartHeading.textContent = this._label('chart.heading', 'Counts per minute');
    const snapshotHeading = element('h2');
    snapshotHeading.textContent = this._label('snapshot.heading', 'Latest snapshot');
    const violationsHeading = element('h2');
    violationsHeading.textContent = this._label('violations.heading', 'Violations');
    this.append(style, this._status, chartHeading, this._totalText, this._chart, this._legend, snapshotHeading,
      this._snapshot, violationsHeading, this._violations);
  }

  _start() {
    if (this._started || !this._backendUrl || !this._camera || !this.isConnected) {
      return;
    }
    this._started = true;
    this._unsubscribe.push(onCameraEvent(this._backendUrl, 'cameras.count', (data) => {
      if (data.camera === this._camera) {
        this._addCounts(data.counts ?? []);
      }
    }));
    this._unsubscribe.push(onCameraEvent(this._backendUrl, 'cameras.violation', (data) => {
      if (data.camera === this._camera) {
        this._loadViolations();
      }
    }));
    this._unsubscribe.push(onCameraEvent(this._backendUrl, 'cameras.status', (data) => {
      if (data.camera === this._camera) {
        this._showStatus(data.status, data.fps);
      }
    }));
    onCameraStreamOpen(this._backendUrl, () => this.setAttribute('data-live', 'open'));
    // The chart's time axis moves on even when nothing is counted.
    this._timer = setInterval(() => this._renderChart(), 30 * 1000);
    this._loadCamera();
    this._loadCounts();
    this._loadViolations();
  }

  async _loadCamera() {
    const camera = await this._fetchJson(`/api/v1/cameras/${encodeURIComponent(this._camera)}`);
    if (camera) {
      this._showStatus(camera.streamStatus ?? camera.status, camera.fps);
    }
  }

  async _loadCounts() {
    const to = Math.ceil(Date.now() / MINUTE_MS) * MINUTE_MS;
    const from = to - CHART_MINUTES * MINUTE_MS;
    const body = await this._fetchJson(`/api/v1/cameras/${encodeURIComponent(this._camera)}/counts?interval=1`
      + `&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`);
    if (body) {
      for (const bucket of body.buckets ?? []) {
        this._add(Date.parse(bucket.start), bucket.class, bucket.count);
      }
    }
    this.setAttribute('data-counts-loaded', 'true');
    this._renderChart();
  }

  async _loadViolations() {
    const body = await this._fetchJson(`/api/v1/cameras/${encodeURIComponent(this._camera)}/violations?limit=${VIOLATION_LIMIT}`);
    const violations = body?.violations ?? [];
    this._violations.innerHTML = '';
    for (const violation of violations) {
      const item = element('li', 'camera-violation');
      item.dataset.id = String(violation.id);
      const text = element('span');
      const type = this._label(`violation.${violation.type}`, violation.type);
      const objectClass = this._label(`class.${violation.class}`, violation.class);
      text.textContent = `${formatTime(violation.at)} · ${type} · ${objectClass}`;
      item.append(text);
      if (violation.snapshot) {
        item.append(this._image(violation, `${type} ${formatTime(violation.at)}`));
      }
      this._violations.append(item);
    }
    if (violations.length === 0) {
      const empty = element('li', 'camera-empty');
      empty.textContent = this._label('violations.none', 'No violations');
      this._violations.append(empty);
    }
    const latest = violations.find((violation) => violation.snapshot);
    this._snapshot.innerHTML = '';
    if (latest) {
      const caption = element('figcaption');
      caption.textContent = formatTime(latest.at);
      this._snapshot.append(this._image(latest, caption.textContent), caption);
    } else {
      this._snapshot.textContent = this._label('snapshot.none', 'No snapshot yet');
    }
    this.setAttribute('data-violations', String(violations.length));
  }

  /** Returns an img that falls back to a text when the snapshot is not served to this visitor. */
  _image(violation, alt) {
    const image = element('img', 'camera-snapshot');
    image.alt = alt;
    image.loading = 'lazy';
    const snapshotUrl = this.getAttribute('snapshot-url');
    if (snapshotUrl) {
      const url = new URL(snapshotUrl, document.baseURI);
      url.searchParams.set('violation', String(violation.id));
      image.src = url.href;
    } else {
      image.src = `${this._backendUrl}${violation.snapshot}`;
    }
    image.addEventListener('error', () => {
      const note = element('span', 'camera-snapshot-hidden');
      note.textContent = this._label('snapshot.restricted', 'Snapshot shown to officials only');
      image.replaceWith(note);
    }, { once: true });
    return image;
  }

  async _fetchJson(path) {
    try {
      const response = await fetch(`${this._backendUrl}${path}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      return await response.json();
    } catch (error) {
      console.warn(`Camera data ${path} unavailable`, error);
      this.setAttribute('data-load-failed', path);
      return null;
    }
  }

  _showStatus(status, fps) {
    const text = this._label(`status.${status}`, status);
    this._status.textContent = typeof fps === 'number' ? `${text} · ${fps.toFixed(1)} fps` : text;
    this._status.dataset.status = status;
  }

  _addCounts(counts) {
    for (const count of counts) {
      const start = Math.floor(Date.parse(count.intervalStart) / MINUTE_MS) * MINUTE_MS;
      this._add(start, count.class, count.count);
    }
    this._renderChart();
  }

  _add(minute, objectClass, count) {
    if (!Number.isFinite(minute) || typeof count !== 'number') {
      return;
    }
    const classes = this._minutes.get(minute) ?? new Map();
    classes.set(objectClass, (classes.get(objectClass) ?? 0) + count);
    this._minutes.set(minute, classes);
  }

  _renderChart() {
    const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const first = now - (CHART_MINUTES - 1) * MINUTE_MS;
    const minutes = [];
    for (let minute = first; minute <= now; minute += MINUTE_MS) {
      minutes.push(minute);
    }
    const classes = new Set();
    let total = 0;
    let highest = 1;
    for (const minute of minutes) {
      const counts = this._minutes.get(minute);
      let sum = 0;
      counts?.forEach((count, objectClass) => {
        classes.add(objectClass);
        sum += count;
      });
      total += sum;
      highest = Math.max(highest, sum);
    }
    this._total = total;
    this.setAttribute('data-total', String(total));
    this._totalText.textContent = `${this._label('chart.total', 'Counted in the last 30 minutes')}: ${total}`;

    const width = 600;
    const height = 200;
    const left = 32;
    const bottom = 20;
    const barWidth = (width - left) / minutes.length;
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', this._label('chart.heading', 'Counts per minute'));
    svg.append(svgText(4, 12, String(highest)), svgText(4, height - bottom, '0'));
    minutes.forEach((minute, index) => {
      let y = height - bottom;
      const counts = this._minutes.get(minute);
      [...classes].sort().forEach((objectClass) => {
        const count = counts?.get(objectClass) ?? 0;
        if (count === 0) {
          return;
        }
        const barHeight = (count / highest) * (height - bottom - 16);
        y -= barHeight;
        const bar = document.createElementNS(SVG_NS, 'rect');
        bar.setAttribute('x', String(left + index * barWidth + 1));
        bar.setAttribute('y', String(y));
        bar.setAttribute('width', String(Math.max(1, barWidth - 2)));
        bar.setAttribute('height', String(barHeight));
        bar.setAttribute('fill', CLASS_COLOURS[objectClass] ?? OTHER_COLOUR);
        const title = document.createElementNS(SVG_NS, 'title');
        title.textContent = `${formatTime(new Date(minute).toISOString())} ${this._label(`class.${objectClass}`, objectClass)}: ${count}`;
        bar.append(title);
        svg.append(bar);
      });
      if (index % 10 === 0) {
        svg.append(svgText(left + index * barWidth, height - 4, formatTime(new Date(minute).toISOString())));
      } else if (index === minutes.length - 1) {
        const last = svgText(width - 2, height - 4, formatTime(new Date(minute).toISOString()));
        last.setAttribute('text-anchor', 'end');
        svg.append(last);
      }
    });
    this._chart.replaceChildren(svg);

    this._legend.replaceChildren(...[...classes].sort().map((objectClass) => {
      const entry = element('span', 'camera-legend-entry');
      const swatch = element('span', 'camera-legend-swatch');
      swatch.style.background = CLASS_COLOURS[objectClass] ?? OTHER_COLOUR;
      const name = element('span');
      name.textContent = this._label(`class.${objectClass}`, objectClass);
      entry.append(swatch, name);
      entry.dataset.class = objectClass;
      return entry;
    }));
  }
}

function element(tag, className) {
  const created = document.createElement(tag);
  if (className) {
    created.className = className;
  }
  return created;
}

function svgText(x, y, text) {
  const label = document.createElementNS(SVG_NS, 'text');
  label.setAttribute('x', String(x));
  label.setAttribute('y', String(y));
  label.setAttribute('font-size', '11');
  label.setAttribute('fill', '#444');
  label.textContent = text;
  return label;
}

/** Formats an ISO time as HH:mm in the province's time zone (UTC+7). */
function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return date.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
}

const PANEL_CSS = `
.langso-camera-panel { display: block; max-width: 52rem; }
.langso-camera-panel h2 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.langso-camera-panel .camera-chart svg { width: 100%; height: auto; border: 1px solid #ddd; background: #fafafa; }
.langso-camera-panel .camera-legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: 0.875rem; }
.langso-camera-panel .camera-legend-swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; }
.langso-camera-panel .camera-violations { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
.langso-camera-panel .camera-snapshot { display: block; max-width: 20rem; margin-top: 0.25rem; }
.langso-camera-panel .camera-latest-snapshot img { max-width: 100%; }
.langso-camera-panel .camera-snapshot-hidden { display: block; color: #666; font-size: 0.875rem; }
`;

customElements.define('langso-camera-panel', LangsoCameraPanel);
