// Camera events of the page's shared live stream (langso-live.js). Camera elements register a listener per event
// name (cameras.count, cameras.violation, cameras.status) instead of each opening a stream.
import { acquireLiveStream } from './langso-live.js';

const streams = new Map();

/**
 * Calls listener(data, event) for every live event of the given name from the backend; returns a function that
 * removes the listener. The stream closes when no listener is left. The browser's EventSource reconnects by itself.
 */
export function onCameraEvent(backendUrl, name, listener) {
  let stream = streams.get(backendUrl);
  if (!stream) {
    const live = acquireLiveStream(backendUrl);
    stream = { source: live.source, release: live.release, listeners: new Set() };
    streams.set(backendUrl, stream);
  }
  const handler = (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (error) {
      console.warn('Ignoring a live camera event that is not JSON', error);
      return;
    }
    listener(event.data ?? {}, event);
  };
  stream.source.addEventListener(name, handler);
  const entry = { name, handler };
  stream.listeners.add(entry);
  return () => {
    stream.source.removeEventListener(name, handler);
    stream.listeners.delete(entry);
    if (stream.listeners.size === 0) {
      stream.release();
      streams.delete(backendUrl);
    }
  };
}

/** Calls listener() when the stream of the backend is open (at once if it is open already). */
export function onCameraStreamOpen(backendUrl, listener) {
  const stream = streams.get(backendUrl);
  if (!stream) {
    return;
  }
  if (stream.source.readyState === EventSource.OPEN) {
    listener();
  }
  stream.source.addEventListener('open', listener);
}

/** Parses a JSON property value set by the Java side, falling back when it is malformed. */
export function parseJson(value, fallback) {
  try {
    return JSON.parse(value);
  } catch (error) {
    console.warn('Malformed JSON property', error);
    return fallback;
  }
}
