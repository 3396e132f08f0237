// Logs: one resource's console, live (its own event stream while this view is open), filtered by level and text.
import { h, role, setText, showNotice } from './dom.js';
import { on } from './live.js';
import { get } from './api.js';

const LEVELS = ['trce', 'dbug', 'info', 'warn', 'fail', 'crit'];
const MAX_LINES = 5000;
const TAIL = 2000;

let root;
let output;
let controls;
let lines = [];
let lastSequence = 0;
let resource = null;
let source = null;
let visible = false;
let paused = false;
let unseen = 0;

export function init(element) {
  root = element;
  output = role(root, 'log');
  controls = {
    resource: role(root, 'resource'),
    level: role(root, 'level'),
    filter: role(root, 'filter'),
    follow: role(root, 'follow'),
    pause: role(root, 'pause'),
    clear: role(root, 'clear'),
  };
  role(root, 'controls').addEventListener('submit', event => event.preventDefault());
  controls.resource.addEventListener('change', () => switchTo(controls.resource.value));
  controls.level.addEventListener('change', renderAll);
  controls.filter.addEventListener('input', renderAll);
  controls.follow.addEventListener('change', () => { if (controls.follow.checked) scrollToEnd(); });
  controls.pause.addEventListener('click', () => {
    paused = !paused;
    controls.pause.setAttribute('aria-pressed', String(paused));
    setText(controls.pause, paused ? 'Resume' : 'Pause');
    if (!paused) renderAll();
    updateMeta();
  });
  controls.clear.addEventListener('click', () => {
    lines = [];
    unseen = 0;
    renderAll();
  });
  // Scrolling up to read stops following; scrolling back to the end resumes it.
  output.addEventListener('scroll', () => {
    const atEnd = output.scrollHeight - output.scrollTop - output.clientHeight < 24;
    if (controls.follow.checked !== atEnd) controls.follow.checked = atEnd;
  });
  on('state', updateResources);
  renderAll();
}

export function show() {
  visible = true;
  if (resource) open();
}

export function hide() {
  visible = false;
  close();
}

function updateResources(state) {
  const names = state.resources.map(r => r.name);
  const current = [...controls.resource.options].map(o => o.value);
  if (names.join() !== current.join()) {
    controls.resource.replaceChildren(...state.resources.map(r => h('option', { value: r.name }, `${r.name} (${r.kind})`)));
  }
  if (!resource || !names.includes(resource)) {
    // Start with a node: its log is where requests and sessions show.
    const first = state.resources.find(r => r.kind === 'node') ?? state.resources[0];
    if (first) switchTo(first.name);
  } else if (controls.resource.value !== resource) {
    controls.resource.value = resource;
  }
}

function switchTo(name) {
  if (name === resource) return;
  resource = name;
  controls.resource.value = name;
  lines = [];
  lastSequence = 0;
  unseen = 0;
  renderAll();
  if (visible) open();
}

function open() {
  close();
  const after = lastSequence > 0 ? `&after=${lastSequence}` : '';
  const name = resource;
  source = new EventSource(`/api/resources/${encodeURIComponent(name)}/logs/events?tail=${TAIL}${after}`);
  source.addEventListener('open', () => showNotice(role(root, 'notice'), null));
  source.addEventListener('lines', event => receive(JSON.parse(event.data)));
  source.addEventListener('error', () => explainError(name));
}

function close() {
  source?.close();
  source = null;
}

async function explainError(name) {
  if (source && source.readyState !== EventSource.CLOSED) {
    showNotice(role(root, 'notice'), `The log stream of ${name} was interrupted; reconnecting…`, 'info');
    return;
  }
  try {
    await get(`/api/resources/${encodeURIComponent(name)}`);
    showNotice(role(root, 'notice'), `Cannot stream the log of ${name}. Reload the page to try again.`);
  } catch (error) {
    showNotice(role(root, 'notice'), `Cannot stream the log of ${name}: ${error.message}`);
  }
}

function receive(batch) {
  const fresh = batch.filter(line => line.sequence > lastSequence);
  if (fresh.length === 0) {
    updateMeta();
    return;
  }
  lastSequence = fresh[fresh.length - 1].sequence;
  lines.push(...fresh);
  const overflow = lines.length - MAX_LINES;
  if (overflow > 0) lines.splice(0, overflow);

  if (paused) {
    unseen += fresh.length;
    updateMeta();
    return;
  }
  const matching = fresh.filter(matches);
  if (matching.length > 0) {
    output.querySelector('.empty')?.remove();
    output.append(...matching.map(lineElement));
    while (output.childElementCount > MAX_LINES) output.firstElementChild.remove();
  }
  updateMeta();
  if (controls.follow.checked) scrollToEnd();
}

function matches(line) {
  const minimum = LEVELS.indexOf(controls.level.value);
  if (LEVELS.indexOf(line.level) < minimum) return false;
  const text = controls.filter.value.trim().toLowerCase();
  return !text || line.text.toLowerCase().includes(text);
}

function lineElement(line) {
  return h('div', { class: `line lvl-${line.level}`, title: new Date(line.timestamp).toLocaleString() }, line.text);
}

function renderAll() {
  unseen = 0;
  const matching = lines.filter(matches);
  if (matching.length === 0) {
    output.replaceChildren(h('div', { class: 'empty' }, lines.length === 0 ? 'No output yet.' : 'No line matches the filter.'));
  } else {
    output.replaceChildren(...matching.map(lineElement));
  }
  updateMeta();
  if (controls.follow.checked) scrollToEnd();
}

function updateMeta() {
  const shown = paused ? '' : ` · showing ${output.querySelectorAll('.line').length}`;
  const waiting = paused ? ` · paused, ${unseen} new line${unseen === 1 ? '' : 's'} waiting` : '';
  setText(role(root, 'meta'), resource ? `${resource}: ${lines.length} lines${shown}${waiting}` : '');
}

function scrollToEnd() {
  output.scrollTop = output.scrollHeight;
}
