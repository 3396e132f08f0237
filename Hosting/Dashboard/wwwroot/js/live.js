// The page's one shared stream of cluster state and gateway traffic (GET /api/events).
import { banner } from './notify.js';

const listeners = { state: [], traffic: [] };
let latest = { state: null };
let source = null;

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

function dispatch(type, event) {
  let data;
  try {
    data = JSON.parse(event.data);
  } catch {
    return;
  }
  if (type === 'state') latest.state = data;
  for (const listener of listeners[type]) listener(data);
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
    banner('Live updates stopped: the dashboard is not answering (is the AppHost still running?). Retrying…');
  });
}
