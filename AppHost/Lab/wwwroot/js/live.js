// The page's one shared stream of cluster state and gateway traffic (GET /api/events).
import { banner } from './notify.js';
import { ApiError, get, isTokenRefusal } from './api.js';

/** After the lab refused the stream for another reason than the token, how long until the page asks again. */
const REOPEN_MS = 3000;

const listeners = { state: [], traffic: [] };
let latest = { state: null };
let source = null;
let fallback = false;

/** Listeners of 'state' get the latest state at once if there is one; 'traffic' listeners only get what comes next. */
export function on(type, listener) {
  listeners[type].push(listener);
  if (type === 'state' && latest.state) listener(latest.state);
}

export function currentState() {
  return latest.state;
}

function setConnection(state, text) {
  const element = document.getElementById('connection');
  element.dataset.state = state;
  element.textContent = text;
}

function deliver(type, data) {
  if (!data || typeof data !== 'object') return;
  if (type === 'state') latest.state = data;
  for (const listener of listeners[type]) {
    try {
      listener(data);
    } catch (error) {
      // One view's bug must not stop the others from updating.
      console.error(error);
    }
  }
}

function dispatch(type, event) {
  let data;
  try {
    data = JSON.parse(event.data);
  } catch {
    return;
  }
  deliver(type, data);
}

/** When the stream cannot connect before any state arrived, ask once for the state so the views are not stuck loading. */
async function fetchStateOnce() {
  if (fallback || latest.state) return;
  fallback = true;
  try {
    const state = await get('/api/state');
    if (!latest.state) deliver('state', state);
  } catch {
    // The banner already says the lab is not answering.
  }
}

/**
 * EventSource gives up for good when the lab answers with an error status, and does not say which: ask the API (which
 * shows the way in when it is the token), then open the stream again unless it was the token.
 */
async function whyRefused() {
  try {
    const state = await get('/api/state');
    if (!latest.state) deliver('state', state);
  } catch (error) {
    if (error instanceof ApiError && isTokenRefusal(error.status, error.body)) {
      setConnection('down', 'no control token');
      return;
    }
  }
  setTimeout(connect, REOPEN_MS);
}

export function connect() {
  if (source) return;
  const stream = new EventSource('/api/events');
  source = stream;
  stream.addEventListener('open', () => {
    setConnection('live', 'live');
    banner(null);
  });
  stream.addEventListener('state', event => dispatch('state', event));
  stream.addEventListener('traffic', event => dispatch('traffic', event));
  stream.addEventListener('error', () => {
    if (stream.readyState === EventSource.CLOSED) {
      source = null;
      setConnection('down', 'refused');
      whyRefused();
      return;
    }
    // EventSource retries by itself; say so, so a stopped AppHost is not mistaken for a quiet cluster.
    setConnection('down', 'reconnecting…');
    banner('Live updates stopped: the lab is not answering (is the AppHost still running?). Retrying…');
    fetchStateOnce();
  });
}
