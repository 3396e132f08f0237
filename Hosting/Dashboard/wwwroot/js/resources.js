// Resources: every process by group (infrastructure, then one group per pool), live; actions and pool changes.
import { h, role, setText, showNotice, formatDuration, STRATEGIES } from './dom.js';
import { on } from './live.js';
import { get, post, put, del } from './api.js';
import { toast } from './notify.js';

const ALIVE = new Set(['starting', 'running', 'stopping']);
const COLUMNS = ['Name', 'State', 'Health', 'PID', 'URL', 'Uptime', 'Restarts', 'Actions'];
const COLUMN_CLASSES = ['c-name', 'c-state', 'c-health', 'c-pid', 'c-url', 'c-uptime', 'c-restarts', 'c-actions'];

let root;
let groupsElement;
let snapshot = null;
let clockOffset = 0;
let shownPolicy = null;
const groups = new Map();
const rows = new Map();
const busy = new Map();

export function init(element) {
  root = element;
  groupsElement = role(root, 'groups');
  role(root, 'policy-form').addEventListener('submit', event => {
    event.preventDefault();
    setPolicy(role(root, 'policy').value);
  });
  on('state', apply);
  // The stream sends the state at once; this also answers when the stream cannot connect at all.
  get('/api/state')
    .then(state => { if (!snapshot) apply(state); })
    .catch(error => showNotice(role(root, 'notice'), `Cannot read the cluster: ${error.message}`));
  setInterval(updateUptimes, 1000);
}

function apply(state) {
  snapshot = state;
  clockOffset = new Date(state.serverTime).getTime() - Date.now();
  render();
}

function render() {
  if (!snapshot) return;
  showNotice(role(root, 'notice'), null);
  renderSummary();
  renderPolicy();

  const byName = new Map(snapshot.resources.map(r => [r.name, r]));
  const wanted = [{ key: 'infrastructure', pool: null, members: snapshot.resources.filter(r => r.kind !== 'node') }];
  for (const pool of snapshot.pools) {
    wanted.push({ key: `pool:${pool.strategy}`, pool, members: pool.nodes.map(n => byName.get(n)).filter(Boolean) });
  }

  const seenGroups = new Set();
  const seenRows = new Set();
  for (const [index, want] of wanted.entries()) {
    const group = groups.get(want.key) ?? createGroup(want);
    seenGroups.add(want.key);
    if (groupsElement.children[index] !== group.section) groupsElement.insertBefore(group.section, groupsElement.children[index] ?? null);
    updateGroup(group, want);
    for (const [position, resource] of want.members.entries()) {
      const row = rows.get(resource.name) ?? createRow(resource);
      seenRows.add(resource.name);
      if (group.body.children[position] !== row.tr) group.body.insertBefore(row.tr, group.body.children[position] ?? null);
      updateRow(row, resource, want.pool);
    }
  }

  for (const [name, row] of rows) if (!seenRows.has(name)) { row.tr.remove(); rows.delete(name); }
  for (const [key, group] of groups) if (!seenGroups.has(key)) { group.section.remove(); groups.delete(key); }
  updateUptimes();
}

function renderSummary() {
  const all = snapshot.resources;
  const running = all.filter(r => r.state === 'running').length;
  const unhealthy = all.filter(r => r.state === 'running' && r.health === 'unhealthy').length;
  const down = all.length - running;
  const summary = role(root, 'summary');
  const parts = [`${all.length} resources`, `${running} running`];
  if (down) parts.push(`${down} not running`);
  if (unhealthy) parts.push(`${unhealthy} unhealthy`);
  summary.replaceChildren(
    parts.join(' · '),
    snapshot.gatewayUrl ? h('span', {}, ' · gateway ', h('a', { href: snapshot.gatewayUrl + '/local/', target: '_blank', rel: 'noopener' }, snapshot.gatewayUrl)) : '');
}

function renderPolicy() {
  const select = role(root, 'policy');
  if (select.options.length !== snapshot.policies.length) {
    select.replaceChildren(...snapshot.policies.map(p => h('option', { value: p }, p)));
  }
  // Follow the cluster, but never overwrite a choice the user is still making.
  if (snapshot.loadBalancing !== shownPolicy && document.activeElement !== select) {
    select.value = snapshot.loadBalancing;
    shownPolicy = snapshot.loadBalancing;
  }
}

function createGroup(want) {
  const title = want.pool ? want.pool.strategy : 'infrastructure';
  const heading = h('h3', { id: `group-${title}` }, want.pool ? `${title} pool` : 'Gateway and stores');
  const what = h('span', { class: 'what' }, want.pool ? STRATEGIES[title] ?? '' : 'the public entry, and the session store when a pool needs one');
  const tags = h('span', { class: 'tags' });
  const add = want.pool ? h('button', { type: 'button', 'data-action': 'add-node', onclick: () => addNode(want.pool.strategy) }, 'Add node') : null;
  const body = h('tbody');
  const table = h('table', { class: 'resources', 'aria-labelledby': `group-${title}` },
    h('colgroup', {}, COLUMN_CLASSES.map(c => h('col', { class: c }))),
    h('thead', {}, h('tr', {}, COLUMNS.map(c => h('th', { scope: 'col', class: ['PID', 'Restarts'].includes(c) ? 'num' : null }, c)))),
    body);
  const section = h('section', { class: `group${want.pool ? ` strategy-${title}` : ''}`, 'data-group': title },
    h('header', {}, heading, tags, what, add), table);
  const group = { section, body, tags, add };
  groups.set(want.key, group);
  return group;
}

function updateGroup(group, want) {
  const tags = [];
  if (want.pool) {
    tags.push(`${want.pool.nodes.length} node${want.pool.nodes.length === 1 ? '' : 's'}`);
    if (want.pool.affinity) tags.push('cookie affinity');
    tags.push(snapshot.loadBalancing);
  }
  const text = tags.join('|');
  if (group.tags.dataset.text !== text) {
    group.tags.dataset.text = text;
    group.tags.replaceChildren(...tags.map(t => h('span', { class: 'tag' }, t)));
  }
  if (group.add) {
    const pending = busy.get(`pool:${want.pool.strategy}`);
    group.add.disabled = Boolean(pending);
    setText(group.add, pending ?? 'Add node');
  }
}

function createRow(resource) {
  const cell = (field, label, extra = {}) => h('td', { 'data-field': field, 'data-label': label, ...extra });
  const cells = {
    name: cell('name', 'Name'),
    state: cell('state', 'State'),
    health: cell('health', 'Health'),
    pid: cell('pid', 'PID', { class: 'num mono' }),
    url: cell('url', 'URL'),
    uptime: cell('uptime', 'Uptime'),
    restarts: cell('restarts', 'Restarts', { class: 'num' }),
  };
  const stateChip = h('span', { class: 'chip' });
  cells.state.append(stateChip);
  const healthChip = h('span', { class: 'chip' });
  const healthNote = h('span', { class: 'health-note' });
  cells.health.append(healthChip, healthNote);
  const name = resource.name;
  const buttons = {
    start: h('button', { type: 'button', 'data-action': 'start', onclick: () => act(name, 'start') }, 'Start'),
    stop: h('button', { type: 'button', 'data-action': 'stop', onclick: () => act(name, 'stop') }, 'Stop'),
    restart: h('button', { type: 'button', 'data-action': 'restart', onclick: () => act(name, 'restart') }, 'Restart'),
    kill: h('button', { type: 'button', class: 'danger', 'data-action': 'kill', onclick: () => act(name, 'kill') }, 'Kill'),
  };
  if (resource.kind === 'node') {
    buttons.remove = h('button', { type: 'button', 'data-action': 'remove', onclick: () => removeNode(resource.pool, name) }, 'Remove');
  }
  for (const [action, button] of Object.entries(buttons)) button.setAttribute('aria-label', `${button.textContent} ${name}`);
  const actions = h('td', { class: 'actions-cell', 'data-label': 'Actions' }, h('div', { class: 'actions' }, Object.values(buttons)));
  const tr = h('tr', { 'data-resource': name }, Object.values(cells), actions);
  const row = { tr, cells, stateChip, healthChip, healthNote, buttons, resource };
  rows.set(name, row);
  return row;
}

function updateRow(row, resource, pool) {
  row.resource = resource;
  const { cells } = row;
  setText(cells.name, resource.name);
  setText(row.stateChip, resource.state);
  row.stateChip.className = `chip state-${resource.state}`;
  setText(row.healthChip, resource.health);
  row.healthChip.className = `chip health-${resource.health}`;
  const note = resource.healthDescription ?? (resource.exitCode !== null && !ALIVE.has(resource.state) ? `exit code ${resource.exitCode}` : '');
  setText(row.healthNote, note);
  if (row.healthNote.title !== note) row.healthNote.title = note;
  setText(cells.pid, resource.pid ?? '–');
  updateUrl(cells.url, resource, pool);
  setText(cells.restarts, String(resource.restartCount));

  const alive = ALIVE.has(resource.state);
  const pending = busy.get(resource.name);
  const { buttons } = row;
  buttons.start.disabled = Boolean(pending) || alive;
  buttons.stop.disabled = Boolean(pending) || !alive || resource.state === 'stopping';
  buttons.restart.disabled = Boolean(pending) || resource.state === 'stopping';
  buttons.kill.disabled = Boolean(pending) || !alive;
  if (buttons.remove) buttons.remove.disabled = Boolean(pending) || !pool || pool.nodes.length <= 1;
  for (const [action, button] of Object.entries(buttons)) {
    setText(button, pending === action ? `${label(action)}…` : label(action));
  }
}

function updateUrl(cell, resource, pool) {
  const { url } = resource;
  if (cell.dataset.url === url) return;
  cell.dataset.url = url;
  // A node serves its pool's path (its demo page); the gateway and others link to their health report.
  const target = pool ? `${url}/${pool.strategy}/` : `${url}/health`;
  cell.replaceChildren(url.startsWith('http')
    ? h('a', { href: target, target: '_blank', rel: 'noopener', class: 'mono' }, url)
    : h('span', { class: 'mono' }, url));
}

function updateUptimes() {
  const now = Date.now() + clockOffset;
  for (const row of rows.values()) {
    const { resource } = row;
    const started = resource.startedAt ? new Date(resource.startedAt).getTime() : null;
    setText(row.cells.uptime, ALIVE.has(resource.state) && started ? formatDuration(now - started) : '–');
  }
}

const label = action => ({ start: 'Start', stop: 'Stop', restart: 'Restart', kill: 'Kill', remove: 'Remove' })[action];

async function act(name, action) {
  if (action === 'kill' && !window.confirm(`Kill ${name}?\n\nSIGKILL, no goodbye: a simulated crash. Its in-memory sessions are gone.`)) return;
  busy.set(name, action);
  render();
  try {
    const view = await post(`/api/resources/${encodeURIComponent(name)}/${action}`);
    toast(`${name} is ${view.state}`);
  } catch (error) {
    toast(`Could not ${action} ${name}: ${error.message}`, 'error');
  } finally {
    busy.delete(name);
    render();
  }
}

async function addNode(strategy) {
  const key = `pool:${strategy}`;
  busy.set(key, 'Adding…');
  render();
  try {
    const node = await post(`/api/pools/${encodeURIComponent(strategy)}/nodes`);
    toast(`${node.name} joined the ${strategy} pool`);
  } catch (error) {
    toast(`Could not add a node to ${strategy}: ${error.message}`, 'error');
  } finally {
    busy.delete(key);
    render();
  }
}

async function removeNode(strategy, name) {
  if (!window.confirm(`Remove ${name} from the ${strategy} pool?\n\nThe gateway stops routing to it, then it stops.`)) return;
  busy.set(name, 'remove');
  render();
  try {
    await del(`/api/pools/${encodeURIComponent(strategy)}/nodes/${encodeURIComponent(name)}`);
    toast(`${name} left the ${strategy} pool`);
  } catch (error) {
    toast(`Could not remove ${name}: ${error.message}`, 'error');
  } finally {
    busy.delete(name);
    render();
  }
}

async function setPolicy(policy) {
  const button = role(root, 'policy-form').querySelector('button');
  button.disabled = true;
  try {
    const result = await put('/api/gateway/load-balancing', { policy });
    shownPolicy = result.policy;
    toast(`The gateway now balances with ${result.policy}`);
  } catch (error) {
    showNotice(role(root, 'notice'), `Could not change the load-balancing policy: ${error.message}`);
  } finally {
    button.disabled = false;
  }
}
