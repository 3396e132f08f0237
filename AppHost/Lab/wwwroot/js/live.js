// The page's one shared stream of cluster state and gateway traffic (GET /api/events).
import { banner } from './notify.js';
import { get } from './api.js';

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

export function connect() {
  if (source) return;
  source = new EventSource('/api/events');
  source.addEventListener('open', () => {
    setConnection('live', 'live');
    banner(null);
  });
  source.addEventListener('state', event => dispatch('state', event));
  source.addEventListener('traffic', event => dispatch('traffic', event));
  source.addEventListener('error', () => {
    // EventSource retries by itself; say so, so a stopped AppHost is not mistaken for a quiet cluster.
    setConnection('down', 'reconnecting…');
    banner('Live updates stopped: the lab is not answering (is the AppHost still running?). Retrying…');
    fetchStateOnce();
  });
}
