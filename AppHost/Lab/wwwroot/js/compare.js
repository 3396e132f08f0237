// Compare: runs the compare scenarios (the lead's /api/compare), shows progress, then compare.md's tables plus
// SVG charts. The last report survives a reload: the server keeps it, and this browser keeps a copy too.
import { h, fill, role, setText, showNotice, formatNumber } from './dom.js';
import { on } from './live.js';
import { get, isTokenRefusal, post } from './api.js';
import { groupedBars } from './charts.js';
import { nodeClass } from './traffic.js';

const STORAGE_KEY = 'clustersessions.compare.last';
const KNOWN_STRATEGIES = ['local', 'sticky', 'redis', 'jwt'];
const EVENT_TYPES = ['message', 'state', 'status', 'progress', 'compare'];
const POLL_MS = 1000;

const METRICS = [
  { key: 'requests', label: 'requests', format: v => formatNumber(v) },
  { key: 'errors', label: 'errors (5xx, transport)', format: v => formatNumber(v) },
  { key: 'continuity', label: 'continuity', format: v => percent(v) },
  { key: 'sessionsLost', label: 'sessions lost', format: v => formatNumber(v) },
  { key: 'p50Ms', label: 'p50', format: v => `${formatNumber(v, 1)} ms` },
  { key: 'p95Ms', label: 'p95', format: v => `${formatNumber(v, 1)} ms` },
  { key: 'p99Ms', label: 'p99', format: v => `${formatNumber(v, 1)} ms` },
  { key: 'rps', label: 'requests per second', format: v => formatNumber(v, 1) },
  { key: 'meanRequestBytes', label: 'mean request bytes', format: v => `${formatNumber(v)} B` },
  { key: 'perNode', label: 'requests per node', format: perNode },
  { key: 'acceptedAfterLogout', label: 'accepted after logout', format: v => formatNumber(v), optional: true },
  { key: 'unauthorized', label: '401 answers', format: v => formatNumber(v), optional: true },
  { key: 'lostUpdates', label: 'lost updates', format: v => formatNumber(v), optional: true },
  { key: 'recoverySeconds', label: 'recovery', format: v => `${formatNumber(v, 1)} s`, optional: true },
  { key: 'nodeCpuUsPerRequest', label: 'node CPU per request', format: v => `${formatNumber(v)} µs`, optional: true },
  { key: 'gatewayCpuUsPerRequest', label: 'gateway CPU per request', format: v => `${formatNumber(v)} µs`, optional: true },
  { key: 'redisCpuUsPerRequest', label: 'Redis CPU per request', format: v => `${formatNumber(v)} µs`, optional: true },
  { key: 'redisCommandsPerRequest', label: 'Redis commands per request', format: v => formatNumber(v, 2), optional: true },
  { key: 'redisCommands', label: 'Redis commands by name', format: redisCommands, optional: true },
];
// The cost scenario's chart: where a request's CPU goes, one bar per process kind.
const COST_PARTS = [
  { key: 'nodeCpuUsPerRequest', label: 'nodes', swatch: 'swatch-part-nodes' },
  { key: 'gatewayCpuUsPerRequest', label: 'gateway', swatch: 'swatch-part-gateway' },
  { key: 'redisCpuUsPerRequest', label: 'Redis', swatch: 'swatch-part-redis' },
];

let root;
let loaded = false;
// The scenario list comes with the first `state` event; until then the select says "loading…" and Run waits.
let scenariosLoaded = false;
let running = false;
let events = null;
let poll = null;
let report = null;
let shownReport = null;
let lastCaption = null;
let chartScenario = null;
let chartWidth = 0;

export function init(element) {
  root = element;
  role(root, 'form').addEventListener('submit', event => {
    event.preventDefault();
    run();
  });
  // Charts are drawn for the width they get: draw them again when it changes a lot (a phone turned sideways).
  window.addEventListener('resize', () => {
    if (report && !root.hidden && Math.abs(measure() - chartWidth) > 40) render(report, lastCaption);
  });
  on('state', state => {
    const select = role(root, 'scenario');
    const names = state.compareScenarios ?? [];
    if (!scenariosLoaded || [...select.options].slice(1).map(o => o.value).join() !== names.join()) {
      const value = scenariosLoaded ? select.value : '';
      fill(select, h('option', { value: '' }, 'all scenarios'), names.map(n => h('option', { value: n }, n)));
      select.value = names.includes(value) ? value : '';
      select.disabled = false;
      // The CLI's defaults, from the server: a lab run and `compare` on the command line measure the same thing.
      if (state.compareDefaults) {
        role(root, 'users').value = state.compareDefaults.users;
        role(root, 'requests').value = state.compareDefaults.requests;
      }
      scenariosLoaded = true;
      updateRun();
    }
  });
}

function updateRun() {
  role(root, 'run').disabled = running || !scenariosLoaded;
}

/** Replaces the report area's "loading…" (and only that) once the server has answered. */
function settleReport(...children) {
  const container = role(root, 'report');
  if (container.querySelector('.loading')) container.replaceChildren(...children);
}

export function show() {
  if (!loaded) {
    loaded = true;
    refresh();
  }
}

async function refresh() {
  try {
    apply(await get('/api/compare'));
  } catch (error) {
    // Without the token every poll would be refused the same way: the banner says how to get in.
    if (isTokenRefusal(error.status, error.body)) stopFollowing();
    unavailable(error);
  }
}

async function run() {
  const scenario = role(root, 'scenario').value || null;
  const users = Number(role(root, 'users').value);
  const requests = Number(role(root, 'requests').value);
  if (!Number.isInteger(users) || users < 1 || users > 20 || !Number.isInteger(requests) || requests < 10 || requests > 1000) {
    showNotice(role(root, 'notice'), 'Users must be 1–20 and requests 10–1000.');
    return;
  }
  showNotice(role(root, 'notice'), null);
  role(root, 'run').disabled = true;
  try {
    await post('/api/compare', { scenario, users, requests });
    setText(role(root, 'status'), 'starting…');
    follow();
  } catch (error) {
    if (error.status === 409) {
      showNotice(role(root, 'notice'), 'A compare run is already in progress: following it.', 'info');
      follow();
    } else {
      updateRun();
      unavailable(error);
    }
  }
}

function follow() {
  stopFollowing();
  events = new EventSource('/api/compare/events');
  for (const type of EVENT_TYPES) {
    events.addEventListener(type, event => {
      try {
        apply(JSON.parse(event.data));
      } catch {
        // Not a status object: ignore it.
      }
    });
  }
  events.addEventListener('error', () => {
    // The stream ended or failed: fall back to asking once a second until the run is over.
    events?.close();
    events = null;
    if (!poll) poll = setInterval(refresh, POLL_MS);
  });
}

function stopFollowing() {
  events?.close();
  events = null;
  clearInterval(poll);
  poll = null;
}

function apply(status) {
  if (!status || typeof status !== 'object') return;
  running = status.state === 'running';
  updateRun();
  role(root, 'progress').value = Math.max(0, Math.min(1, Number(status.progress) || (status.state === 'done' ? 1 : 0)));
  setText(role(root, 'status'), `${status.state}${status.message ? `: ${status.message}` : ''}`);
  if (status.state === 'failed') {
    showNotice(role(root, 'notice'), `The compare run failed: ${status.message || 'no reason given'}`);
  }
  if (running && !events && !poll) follow();
  if (!running) stopFollowing();

  if (status.report) {
    // Each event repeats the report: draw it once, so focus and the chart choice stay put.
    const json = JSON.stringify(status.report);
    if (json !== shownReport) {
      shownReport = json;
      save(status.report);
      render(status.report, null);
    }
  } else if (!report) {
    const saved = restore();
    if (saved) render(saved.report, `Results saved in this browser from the run of ${new Date(saved.report.startedAt ?? saved.savedAt).toLocaleString()}.`);
    else if (!running) role(root, 'report').replaceChildren(h('p', { class: 'meta' }, 'No results yet: run a compare.'));
    else settleReport(h('p', { class: 'meta' }, 'A compare is running: its results appear here when it is done.'));
  }
}

function unavailable(error) {
  showNotice(role(root, 'notice'), `compare is not available: ${error.message}`);
  const status = role(root, 'status');
  if (status.textContent === 'loading…') setText(status, 'unavailable');
  const saved = restore();
  if (!saved) settleReport();
  if (saved && !report) render(saved.report, `Results saved in this browser from the run of ${new Date(saved.report.startedAt ?? saved.savedAt).toLocaleString()}.`);
}

function measure() {
  const width = role(root, 'report').clientWidth || root.clientWidth || 560;
  // Two charts side by side on a wide screen, one per row on a narrow one.
  return width > 1000 ? width / 2 - 40 : width - 26;
}

function render(next, caption) {
  report = next;
  lastCaption = caption;
  chartWidth = measure();
  const scenarios = Object.entries(report.scenarios ?? {});
  const container = role(root, 'report');
  if (scenarios.length === 0) {
    container.replaceChildren(h('p', { class: 'meta' }, 'The report has no scenarios.'));
    return;
  }
  // The cost scenario has a column of its own (jwt with the other token-cache setting): kept out of the others.
  const scheduled = scenarios.filter(([name]) => name !== 'cost');
  const strategies = strategiesOf(scheduled);
  if (!chartScenario || !report.scenarios[chartScenario]) chartScenario = report.scenarios.steady ? 'steady' : scenarios[0][0];

  fill(container,
    caption ? h('p', { class: 'notice info' }, caption) : null,
    h('p', { class: 'meta' }, describeRun(report)),
    h('h3', {}, 'Charts'),
    h('div', { class: 'charts' }, scenarioCharts(scheduled, strategies), costCharts(report.scenarios.cost)),
    skewSection(scenarios, strategies),
    scenarios.map(([name, results]) => table(name, results, name === 'cost' ? strategiesOf([[name, results]]) : strategies)));
}

function strategiesOf(scenarios) {
  const found = new Set(scenarios.flatMap(([, results]) => Object.keys(results ?? {})));
  return [...KNOWN_STRATEGIES.filter(s => found.has(s)), ...[...found].filter(s => !KNOWN_STRATEGIES.includes(s))];
}

function strategySeries(strategies) {
  return strategies.map(s => ({ key: s, label: s, swatch: KNOWN_STRATEGIES.includes(s) ? `swatch-${s}` : 'swatch-other' }));
}

function scenarioCharts(scenarios, strategies) {
  const series = strategySeries(strategies);
  const groupsOf = metric => scenarios.map(([name, results]) => ({
    label: name,
    values: Object.fromEntries(strategies.map(s => [s, results?.[s]?.[metric] ?? null])),
  }));
  return [
    groupedBars({ title: 'Continuity: requests that saw the right user and cart', groups: groupsOf('continuity'), series, max: 1, format: percent, width: chartWidth }),
    groupedBars({ title: 'p50 latency (ms)', groups: groupsOf('p50Ms'), series, format: v => formatNumber(v, v < 10 ? 1 : 0), width: chartWidth }),
    groupedBars({ title: 'p99 latency (ms)', groups: groupsOf('p99Ms'), series, format: v => formatNumber(v, v < 10 ? 1 : 0), width: chartWidth }),
    groupedBars({ title: 'Mean request bytes (line + headers: cookies, tokens)', groups: groupsOf('meanRequestBytes'), series, format: v => formatNumber(v), width: chartWidth }),
  ];
}

function costCharts(results) {
  if (!results) return [];
  const strategies = strategiesOf([['cost', results]]);
  const groups = metricKeys => strategies.map(s => ({
    label: s,
    values: Object.fromEntries(metricKeys.map(k => [k, results[s]?.[k] ?? null])),
  }));
  return [
    groupedBars({
      title: 'CPU per request (µs), one pool at a time', groups: groups(COST_PARTS.map(p => p.key)), series: COST_PARTS,
      format: v => formatNumber(v), width: chartWidth,
      caption: 'The pool\'s nodes, the gateway and Redis, each minus its idle rate (the cost scenario).',
    }),
    groupedBars({
      title: 'Redis commands per request', groups: groups(['redisCommandsPerRequest']),
      series: [{ key: 'redisCommandsPerRequest', label: 'commands', swatch: 'swatch-part-redis' }],
      format: v => formatNumber(v, v < 10 ? 1 : 0), width: chartWidth,
    }),
  ];
}

function skewSection(scenarios, strategies) {
  const select = h('select', { 'aria-label': 'Scenario for the per-node chart' },
    scenarios.map(([name]) => h('option', { value: name, selected: name === chartScenario }, name)));
  const holder = h('div', { class: 'charts' }, skewChart(strategies));
  select.addEventListener('change', () => {
    chartScenario = select.value;
    holder.replaceChildren(skewChart(strategies));
  });
  return h('div', {}, h('div', { class: 'chart-controls' }, h('h3', {}, 'Per-node skew'), h('label', {}, ' in ', select)), holder);
}

function skewChart(strategies) {
  const results = report.scenarios[chartScenario] ?? {};
  const numbers = new Set();
  for (const s of strategies) for (const node of Object.keys(results[s]?.perNode ?? {})) numbers.add(nodeNumber(node));
  const sorted = [...numbers].sort((a, b) => a - b);
  const series = sorted.map(n => ({ key: String(n), label: `node ${n}`, swatch: `swatch-node ${nodeClass(`x-${n}`)}` }));
  const groups = strategies.map(s => {
    const perNode = results[s]?.perNode ?? {};
    const total = Object.values(perNode).reduce((a, b) => a + b, 0);
    return {
      label: s,
      values: Object.fromEntries(Object.entries(perNode).map(([node, count]) => [String(nodeNumber(node)), total ? count / total : 0])),
    };
  });
  return groupedBars({
    title: `Share of requests per node (${chartScenario})`,
    groups, series, max: 1, format: percent, width: chartWidth,
    caption: 'Even bars: the balancer spreads load. One tall bar: affinity pins users to a node.',
  });
}

function table(name, results, strategies) {
  const present = METRICS.filter(m => !m.optional || strategies.some(s => results?.[s]?.[m.key] !== null && results?.[s]?.[m.key] !== undefined));
  const description = report.descriptions?.[name];
  return h('section', { 'data-scenario': name },
    h('h3', {}, name),
    description ? h('p', { class: 'description' }, description) : null,
    h('div', { class: 'table-wrap' },
      h('table', { class: 'compare-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'metric'), strategies.map(s => h('th', { scope: 'col', class: 'num' }, s)))),
        h('tbody', {}, present.map(metric => h('tr', { 'data-metric': metric.key },
          h('th', { scope: 'row' }, metric.label),
          strategies.map(s => {
            const value = results?.[s]?.[metric.key];
            return h('td', { class: metric.key === 'perNode' ? 'per-node' : 'num' }, value === null || value === undefined ? '–' : metric.format(value));
          })))))));
}

function describeRun(r) {
  const parts = [];
  if (r.startedAt) parts.push(`run of ${new Date(r.startedAt).toLocaleString()}`);
  if (r.config?.users) parts.push(`${r.config.users} users × ${r.config.requests} requests per strategy and scenario`);
  if (r.config?.nodesPerStrategy) parts.push(`${r.config.nodesPerStrategy} nodes per pool`);
  if (r.config?.loadBalancing) parts.push(r.config.loadBalancing);
  if (r.machine?.cores) parts.push(`${r.machine.cores} cores`);
  if (typeof r.durationSeconds === 'number') parts.push(`took ${formatNumber(r.durationSeconds)} s`);
  return parts.join(' · ');
}

function percent(value) {
  return `${formatNumber(value * 100, value < 1 && value > 0.99 ? 1 : 0)}%`;
}

function redisCommands(value) {
  return Object.entries(value ?? {}).map(([command, count]) => `${command} ${formatNumber(count, 2)}`).join(' · ') || 'none';
}

function perNode(value) {
  return Object.entries(value ?? {}).map(([node, count]) => `${node} ${formatNumber(count)}`).join(' · ') || '–';
}

function nodeNumber(node) {
  return Number(/-(\d+)$/.exec(node)?.[1] ?? 0);
}

function save(next) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), report: next }));
  } catch {
    // Storage full or disabled: the server's copy still survives a reload.
  }
}

function restore() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY));
    return saved?.report?.scenarios ? saved : null;
  } catch {
    return null;
  }
}
