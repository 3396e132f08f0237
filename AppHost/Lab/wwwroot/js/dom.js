// Small DOM helpers: every text goes in as a text node, never as markup (the page's CSP forbids inline anything).

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(element, attributes) {
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.setAttribute('class', value);
    else if (key === 'text') element.textContent = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, String(value));
  }
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** h('button', {class: 'primary', onclick: fn}, 'Run') */
export function h(tag, attributes, ...children) {
  return append(apply(document.createElement(tag), attributes), children);
}

/** The same for SVG elements. */
export function s(tag, attributes, ...children) {
  return append(apply(document.createElementNS(SVG_NS, tag), attributes), children);
}

/** Replaces the children; like h(), skips null/false and flattens arrays (replaceChildren would print them). */
export function fill(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** Sets text only when it changed, so live updates do not disturb selection or screen readers. */
export function setText(element, text) {
  const value = text ?? '';
  if (element.textContent !== value) element.textContent = value;
}

export function role(root, name) {
  return root.querySelector(`[data-role="${name}"]`);
}

export function showNotice(element, message, kind = 'error') {
  if (!message) {
    element.hidden = true;
    element.textContent = '';
    return;
  }
  element.className = kind === 'info' ? 'notice info' : 'notice';
  element.textContent = message;
  element.hidden = false;
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined || ms < 0) return '–';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function formatClock(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The strategies' one-line descriptions, as in the README. */
export const STRATEGIES = {
  local: 'each node\u2019s memory and its own key ring',
  sticky: 'node memory + gateway cookie affinity',
  redis: 'Redis: sessions, index and the shared key ring',
  jwt: 'a signed token the client carries',
};
