// The backend's live stream (/api/v1/live, Server-Sent Events) shared by every feature of a page. Chromium and Firefox open at
// most six HTTP/1.1 connections per host and each EventSource keeps one while the page is open, so one stream per
// feature would leave too few for the map's data and tiles. Features add listeners for their own event names
// (for example cameras.status) on the shared source and release it when they leave the page.

const streams = new Map();

/**
 * Returns the page's live stream of the backend, opening it on first use: {source, release}. source is an
 * EventSource of every topic; release() closes it once every user has released it. The browser's EventSource
 * reconnects by itself after a dropped connection.
 */
export function acquireLiveStream(backendUrl) {
  const base = String(backendUrl ?? '').replace(/\/+$/, '');
  let stream = streams.get(base);
  if (!stream) {
    stream = { source: new EventSource(`${base}/api/v1/live`), users: 0 };
    streams.set(base, stream);
  }
  stream.users++;
  let released = false;
  return {
    source: stream.source,
    release() {
      if (released) {
        return;
      }
      released = true;
      stream.users--;
      if (stream.users === 0) {
        stream.source.close();
        streams.delete(base);
      }
    },
  };
}
