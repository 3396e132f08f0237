// Traffic: requests through the gateway as it reports them (relayed by the lab), per-node counts per pool.
// Until the first `traffic` event it says "loading…": no data yet is not the same as no requests yet.
import { h, role, setText, showNotice, formatClock, formatNumber } from './dom.js';
import { on } from './live.js';

const KEEP = 1000;
const ROWS = 200;
const STRIP = 60;

let root;
let records = [];
let counts = {};
let pools = [];
let paused = false;
let dirty = false;
let loaded = false;
let cleared = false;

export function init(element) {
  root = element;
  const pause = role(root, 'pause');
  pause.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    setText(pause, paused ? 'Resume' : 'Pause');
    if (!paused) render();
  });
  role(root, 'clear').addEventListener('click', () => {
    records = [];
    cleared = true;
    render();
  });
  role(root, 'strategy').addEventListener('change', render);
  on('state', state => {
    pools = state.pools ?? [];
    updateStrategies();
    dirty = true;
  });
  on('traffic', update => {
    showNotice(role(root, 'notice'), update.error ? `Traffic is not updating: ${update.error}` : null);
    const first = !loaded;
    loaded = true;
    records.push(...(update.records ?? []));
    if (records.length > KEEP) records.splice(0, records.length - KEEP);
    counts = update.counts ?? {};
    dirty = true;
    // The first data replaces "loading…" at once, even when paused.
    if (first && !root.hidden) render();
  });
  // Draw at most twice a second, however fast requests arrive.
  setInterval(() => { if (dirty && !paused && !root.hidden) render(); }, 500);
}

export function show() {
  render();
}

function updateStrategies() {
  const select = role(root, 'strategy');
  const have = [...select.options].slice(1).map(o => o.value).join();
  const want = pools.map(p => p.strategy);
  if (have !== want.join()) {
    const value = select.value;
    select.replaceChildren(h('option', { value: '' }, 'all'), ...want.map(s => h('option', { value: s }, s)));
    select.value = want.includes(value) ? value : '';
  }
}

/** local-3 → colour 2: the same node has the same colour in every pool card, strip and row. */
export function nodeClass(node) {
  if (!node || node === 'none') return 'node-none';
  const number = Number(/-(\d+)$/.exec(node)?.[1] ?? 1);
  return `node-${(number - 1) % 8}`;
}

function render() {
  dirty = false;
  renderSummary();
  renderPools();
  renderRows();
}

function renderSummary() {
  if (!loaded) {
    setText(role(root, 'summary'), 'loading…');
    return;
  }
  const total = Object.values(counts).flatMap(perNode => Object.values(perNode)).reduce((a, b) => a + b, 0);
  const newest = records.length ? new Date(records[records.length - 1].time).getTime() : 0;
  const recent = records.filter(r => newest - new Date(r.time).getTime() <= 10_000).length;
  setText(role(root, 'summary'), total === 0
    ? 'No requests yet: try the Try it view, or curl the gateway.'
    : `${formatNumber(total)} requests since the gateway started · ${formatNumber(recent / 10, 1)} per second lately`);
}

function renderPools() {
  const container = role(root, 'pools');
  // Bars of zeros before the counts arrive would read as "no traffic": draw the cards with the first traffic event.
  if (!loaded) {
    container.replaceChildren();
    return;
  }
  container.replaceChildren(...pools.map(pool => {
    const perNode = counts[pool.strategy] ?? {};
    const names = [...new Set([...pool.nodes, ...Object.keys(perNode)])].sort(byNodeNumber);
    const total = names.reduce((sum, n) => sum + (perNode[n] ?? 0), 0);
    const max = Math.max(1, ...names.map(n => perNode[n] ?? 0));
    const bars = names.map(name => {
      const count = perNode[name] ?? 0;
      const fill = h('span');
      fill.style.width = `${(count / max) * 100}%`;
      const gone = !pool.nodes.includes(name) && name !== 'none';
      return h('div', { class: `bar-row ${nodeClass(name)}`, 'data-node': name },
        h('span', { class: 'node-name', title: gone ? 'no longer in the pool' : null }, name === 'none' ? 'no node' : name + (gone ? ' †' : '')),
        h('div', { class: 'bar', role: 'img', 'aria-label': `${name}: ${count} requests` }, fill),
        h('span', { class: 'num' }, formatNumber(count)));
    });
    const strip = records.filter(r => r.strategy === pool.strategy).slice(-STRIP).map(r =>
      h('span', { class: `${nodeClass(r.node)}${r.status >= 500 || !r.node ? ' err' : ''}`, title: describe(r) }));
    return h('section', { class: `pool-card strategy-${pool.strategy}`, 'data-pool': pool.strategy },
      h('h3', {}, pool.strategy, h('small', {}, `${formatNumber(total)} requests${pool.affinity ? ' · affinity' : ''}`)),
      bars,
      h('div', { class: 'strip', 'aria-label': `last ${strip.length} requests to ${pool.strategy}, coloured by node` }, strip));
  }));
}

function renderRows() {
  const strategy = role(root, 'strategy').value;
  const shown = records.filter(r => !strategy || r.strategy === strategy).slice(-ROWS).reverse();
  const body = role(root, 'rows');
  if (!loaded) {
    body.replaceChildren(h('tr', { 'data-role': 'loading' }, h('td', { colspan: 6, class: 'meta' }, 'loading…')));
    return;
  }
  if (shown.length === 0) {
    const why = records.length > 0 ? `No requests to the ${strategy} pool yet.`
      : cleared ? 'Cleared: new requests appear here.' : 'No requests yet.';
    body.replaceChildren(h('tr', { 'data-role': 'empty' }, h('td', { colspan: 6, class: 'meta' }, why)));
    return;
  }
  body.replaceChildren(...shown.map(r => h('tr', { 'data-sequence': r.sequence },
    h('td', { class: 'mono' }, formatClock(r.time)),
    h('td', { class: 'c-pool' }, h('span', { class: `tag strategy-${r.strategy}` }, r.strategy)),
    h('td', { class: 'mono c-request' }, `${r.method} ${r.path}`),
    h('td', {}, h('span', { class: `node-name ${nodeClass(r.node)}` }, r.node ?? 'no node')),
    h('td', { class: `status-${Math.floor(r.status / 100)}` }, String(r.status)),
    h('td', { class: 'num' }, formatNumber(r.elapsedMs, 1)))));
}

function describe(r) {
  return `${formatClock(r.time)} ${r.method} ${r.path} → ${r.node ?? 'no node'} ${r.status} (${formatNumber(r.elapsedMs, 1)} ms)`;
}

function byNodeNumber(a, b) {
  const number = name => Number(/-(\d+)$/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return number(a) - number(b) || a.localeCompare(b);
}
