// Pools: one card per node pool (its members, then its spares), one small card for the store and the gateway, live
// from the `state` event; node actions, scale out/in, and the gateway's load-balancing policy. Everything else about
// a resource (logs, traces, metrics) is in the Aspire dashboard.
import { h, role, setText, showNotice, formatDuration, STRATEGIES } from './dom.js';
import { on } from './live.js';
import { post, put, del } from './api.js';
import { toast } from './notify.js';

/** States with a process: it has a pid, it can be killed, its uptime counts. */
const ALIVE = new Set(['starting', 'running', 'stopping']);
const STOPPABLE = new Set(['starting', 'running', 'waiting']);
const STARTABLE = new Set(['not-started', 'exited', 'finished', 'failed-to-start', 'unknown']);
const INFRA_KINDS = ['gateway', 'redis'];
const INFRA_KEY = 'infrastructure';

const COLUMNS = [
  { label: 'Name', col: 'c-name' },
  { label: 'State', col: 'c-state' },
  { label: 'Health', col: 'c-health' },
  { label: 'PID', col: 'c-pid', num: true },
  { label: 'URL', col: 'c-url' },
  { label: 'Uptime', col: 'c-uptime' },
  { label: 'Actions', col: 'c-actions' },
];
const LABELS = { kill: 'Kill', stop: 'Stop', start: 'Start', restart: 'Restart', remove: 'Remove' };

let root;
let groupsElement;
let snapshot = null;
let clockOffset = 0;
let shownPolicy = null;
let policyBusy = false;
const cards = new Map();
const rows = new Map();
const busy = new Map();
const empty = h('p', { class: 'meta', 'data-role': 'empty' }, 'This cluster has no node pools.');

export function init(element) {
  root = element;
  groupsElement = role(root, 'groups');
  role(root, 'policy-form').addEventListener('submit', event => {
    event.preventDefault();
    const policy = role(root, 'policy').value;
    if (policy) setPolicy(policy);
  });
  on('state', apply);
  setInterval(() => { if (!root.hidden) updateUptimes(); }, 1000);
}

export function show() {
  updateUptimes();
}

function apply(state) {
  snapshot = state;
  const serverTime = new Date(state.serverTime).getTime();
  clockOffset = Number.isNaN(serverTime) ? 0 : serverTime - Date.now();
  render();
}

function render() {
  if (!snapshot) return;
  role(groupsElement, 'loading')?.remove();
  groupsElement.setAttribute('aria-busy', 'false');
  renderSummary();
  renderPolicy();

  const resources = snapshot.resources ?? [];
  const pools = snapshot.pools ?? [];
  const byName = new Map(resources.map(r => [r.name, r]));
  const pick = names => (names ?? []).map(n => byName.get(n)).filter(Boolean);

  const wanted = pools.map(pool => ({ key: pool.strategy, pool, members: pick(pool.nodes), spares: pick(pool.spares) }));
  const infra = resources
    .filter(r => INFRA_KINDS.includes(r.kind))
    .sort((a, b) => INFRA_KINDS.indexOf(a.kind) - INFRA_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name));
  if (infra.length) wanted.push({ key: INFRA_KEY, pool: null, members: infra, spares: [] });


  const seenCards = new Set();
  const seenRows = new Set();
  for (const [index, want] of wanted.entries()) {
    const card = cards.get(want.key) ?? createCard(want);
    seenCards.add(want.key);
    if (groupsElement.children[index] !== card.section) groupsElement.insertBefore(card.section, groupsElement.children[index] ?? null);
    updateCard(card, want);
    placeRows(card.members, want.members, 'member', want.pool, seenRows);
    if (card.spares) placeRows(card.spares, want.spares, 'spare', want.pool, seenRows);
  }

  for (const [name, row] of rows) if (!seenRows.has(name)) { row.tr.remove(); rows.delete(name); }
  for (const [key, card] of cards) if (!seenCards.has(key)) { card.section.remove(); cards.delete(key); }
  // After the cards, so it never shifts them (moving a card would take the focus off its buttons).
  if (pools.length === 0) { if (groupsElement.lastElementChild !== empty) groupsElement.append(empty); } else empty.remove();
  updateUptimes();
}

function placeRows(body, resources, place, pool, seen) {
  for (const [position, resource] of resources.entries()) {
    // A node keeps its row (and the focus on its buttons) when it moves between members and spares.
    const row = rows.get(resource.name) ?? createRow(resource);
    seen.add(resource.name);
    if (body.children[position] !== row.tr) body.insertBefore(row.tr, body.children[position] ?? null);
    updateRow(row, resource, place, pool);
  }
}

function renderSummary() {
  const pools = snapshot.pools ?? [];
  const byName = new Map((snapshot.resources ?? []).map(r => [r.name, r]));
  const members = pools.flatMap(p => p.nodes ?? []).map(n => byName.get(n)).filter(Boolean);
  const spares = pools.reduce((sum, p) => sum + (p.spares?.length ?? 0), 0);
  const running = members.filter(r => r.state === 'running').length;
  const unhealthy = members.filter(r => r.state === 'running' && r.health === 'unhealthy').length;
  const details = [`${running} running`];
  if (unhealthy) details.push(`${unhealthy} unhealthy`);
  setText(role(root, 'summary'), [
    plural(pools.length, 'pool'),
    `${plural(members.length, 'node')} in pools (${details.join(', ')})`,
    `${plural(spares, 'spare node')}`,
  ].join(' · '));
}

function renderPolicy() {
  const select = role(root, 'policy');
  const policies = snapshot.policies ?? [];
  if ([...select.options].map(o => o.value).join() !== policies.join()) {
    select.replaceChildren(...policies.map(p => h('option', { value: p }, p)));
    shownPolicy = null;
  }
  // Follow the cluster, but never overwrite a choice the user is still making.
  if (snapshot.loadBalancing !== shownPolicy && document.activeElement !== select) {
    select.value = snapshot.loadBalancing;
    shownPolicy = snapshot.loadBalancing;
  }
  select.disabled = policyBusy || policies.length === 0;
  role(root, 'apply').disabled = policyBusy || policies.length === 0;
}

function createCard(want) {
  const { pool } = want;
  const key = want.key;
  const headingId = `group-${key}`;
  const heading = h('h3', { id: headingId }, pool ? `${key} pool` : 'Store & gateway');
  const count = h('span', { class: 'tag', 'data-role': 'count' });
  const affinity = pool ? h('span', { class: 'tag badge-affinity', 'data-role': 'affinity', hidden: true }, 'cookie affinity') : null;
  const what = h('span', { class: 'what' }, pool ? STRATEGIES[key] ?? '' : 'the public entry, and the session store the redis pool needs');
  const open = pool ? h('a', { class: 'open', 'data-role': 'open', target: '_blank', rel: 'noopener', hidden: true }, `/${key}/ ↗`) : null;
  const add = pool ? h('button', {
    type: 'button', 'data-action': 'add-node', 'aria-label': `Add node to ${key}`,
    onclick: () => addNode(key),
  }, 'Add node') : null;

  const members = h('tbody', { 'data-role': 'members' });
  const sparesNote = pool ? h('th', { colspan: COLUMNS.length, scope: 'colgroup' }) : null;
  const sparesHead = pool ? h('tbody', { class: 'spares-head' }, h('tr', { class: 'subhead' }, sparesNote)) : null;
  const spares = pool ? h('tbody', { 'data-role': 'spares' }) : null;
  const table = h('table', { class: 'resources', 'aria-labelledby': headingId },
    h('colgroup', {}, COLUMNS.map(c => h('col', { class: c.col }))),
    h('thead', {}, h('tr', {}, COLUMNS.map(c => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
    members, sparesHead, spares);
  const section = h('section', { class: `group${pool ? ` pool-group strategy-${key}` : ' infra-group'}`, 'data-group': key },
    h('header', {}, heading, h('span', { class: 'tags' }, count, affinity), what, open, add), table);
  const card = { section, count, affinity, open, add, members, spares, sparesNote };
  cards.set(key, card);
  return card;
}

function updateCard(card, want) {
  const { pool } = want;
  if (!pool) {
    setText(card.count, plural(want.members.length, 'resource'));
    return;
  }
  const members = pool.nodes?.length ?? 0;
  const spares = pool.spares?.length ?? 0;
  setText(card.count, `${plural(members, 'node')} · ${plural(spares, 'spare')}`);
  card.affinity.hidden = !pool.affinity;

  const gateway = snapshot.gatewayUrl?.replace(/\/+$/, '');
  card.open.hidden = !gateway;
  if (gateway) {
    const href = `${gateway}/${encodeURIComponent(pool.strategy)}/`;
    if (card.open.getAttribute('href') !== href) card.open.href = href;
    card.open.title = `Open the ${pool.strategy} demo page through the gateway`;
  }

  const pending = busy.has(`pool:${pool.strategy}`);
  card.add.disabled = pending || spares === 0;
  setText(card.add, pending ? 'Adding…' : 'Add node');
  const why = spares === 0 ? 'No spare node left: this pool cannot grow.' : '';
  if (card.add.title !== why) card.add.title = why;

  setText(card.sparesNote, spares === 0
    ? 'Spares: none left, so Add node is off.'
    : `Spares: not routed to. Add node starts ${pool.spares[0]} and adds it to the pool.`);
}

function createRow(resource) {
  const name = resource.name;
  const cell = (field, label, extra = {}) => h('td', { 'data-field': field, 'data-label': label, ...extra });
  const cells = {
    name: cell('name', 'Name'),
    state: cell('state', 'State'),
    health: cell('health', 'Health'),
    pid: cell('pid', 'PID', { class: 'num mono' }),
    url: cell('url', 'URL'),
    uptime: cell('uptime', 'Uptime'),
  };
  const stateChip = h('span', { class: 'chip' });
  cells.state.append(stateChip);
  const healthChip = h('span', { class: 'chip' });
  const healthNote = h('span', { class: 'health-note' });
  cells.health.append(healthChip, ' ', healthNote);

  const actions = resource.kind === 'node' ? ['kill', 'stop', 'start', 'restart', 'remove'] : ['kill', 'stop', 'start'];
  const buttons = {};
  for (const action of actions) {
    buttons[action] = h('button', {
      type: 'button',
      class: action === 'kill' ? 'danger' : null,
      'data-action': action,
      'aria-label': `${LABELS[action]} ${name}`,
      onclick: () => (action === 'remove' ? removeNode(rows.get(name)) : act(name, action)),
    }, LABELS[action]);
  }
  const actionsCell = h('td', { class: 'actions-cell', 'data-label': 'Actions' }, h('div', { class: 'actions' }, Object.values(buttons)));
  const tr = h('tr', { 'data-resource': name, 'data-kind': resource.kind }, Object.values(cells), actionsCell);
  const row = { tr, cells, stateChip, healthChip, healthNote, buttons, resource, place: null, pool: null };
  rows.set(name, row);
  return row;
}

/** Which buttons a resource in this state and place shows. */
function fits(action, resource, place, pool) {
  const { state } = resource;
  switch (action) {
    case 'kill': return ALIVE.has(state);
    case 'stop': return STOPPABLE.has(state);
    // A spare is started by Add node, which also puts it in the pool; a bare Start would run it unrouted.
    case 'start': return place !== 'spare' && STARTABLE.has(state);
    case 'restart': return place !== 'spare' && state === 'running';
    case 'remove': return place === 'member' && Boolean(pool);
    default: return false;
  }
}

function updateRow(row, resource, place, pool) {
  row.resource = resource;
  row.place = place;
  row.pool = pool;
  const { cells } = row;
  if (row.tr.dataset.place !== place) row.tr.dataset.place = place;
  setText(cells.name, resource.name);
  setText(row.stateChip, resource.state);
  row.stateChip.className = `chip state-${resource.state}`;
  setText(row.healthChip, resource.health);
  row.healthChip.className = `chip health-${resource.health}`;
  const note = resource.healthDescription
    ?? (resource.exitCode !== null && resource.exitCode !== undefined && !ALIVE.has(resource.state) ? `exit code ${resource.exitCode}` : '');
  setText(row.healthNote, note);
  if (row.healthNote.title !== note) row.healthNote.title = note;
  setText(cells.pid, resource.pid === null || resource.pid === undefined ? '–' : String(resource.pid));
  updateUrl(cells.url, resource, pool);

  const pending = busy.get(resource.name);
  for (const [action, button] of Object.entries(row.buttons)) {
    const shown = fits(action, resource, place, pool) || pending === action;
    if (button.hidden === shown) button.hidden = !shown;
    button.disabled = Boolean(pending);
    setText(button, pending === action ? `${LABELS[action]}…` : LABELS[action]);
  }
  const remove = row.buttons.remove;
  if (remove && !pending && pool && (pool.nodes?.length ?? 0) <= 1) {
    remove.disabled = true;
    if (remove.title !== 'A pool keeps at least one node') remove.title = 'A pool keeps at least one node';
  } else if (remove && remove.title) {
    remove.title = '';
  }
}

function updateUrl(cell, resource, pool) {
  const url = resource.url ?? '';
  const key = `${url}|${pool?.strategy ?? ''}`;
  if (cell.dataset.key === key) return;
  cell.dataset.key = key;
  if (!url) {
    cell.replaceChildren('–');
    return;
  }
  // A node serves its pool's path (its demo page); the gateway and others link to their health report.
  const base = url.replace(/\/+$/, '');
  const target = resource.kind === 'node' ? `${base}/${encodeURIComponent(resource.pool ?? pool?.strategy ?? '')}/` : `${base}/health`;
  cell.replaceChildren(/^https?:/.test(url)
    ? h('a', { href: target, target: '_blank', rel: 'noopener', class: 'mono' }, url)
    : h('span', { class: 'mono' }, url));
}

function updateUptimes() {
  const now = Date.now() + clockOffset;
  for (const row of rows.values()) {
    const { resource } = row;
    const started = resource.startedAt ? new Date(resource.startedAt).getTime() : NaN;
    setText(row.cells.uptime, ALIVE.has(resource.state) && !Number.isNaN(started) ? formatDuration(now - started) : '–');
  }
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function act(name, action) {
  const crash = rows.get(name)?.resource.kind === 'node' ? ' Its in-memory sessions are gone.' : '';
  if (action === 'kill' && !window.confirm(`Kill ${name}?\n\nSIGKILL, no goodbye: a simulated crash.${crash}`)) return;
  busy.set(name, action);
  render();
  try {
    const view = await post(`/api/resources/${encodeURIComponent(name)}/${action}`);
    toast(view?.state ? `${name} is ${view.state}` : `${LABELS[action]} sent to ${name}`);
  } catch (error) {
    toast(`Could not ${action} ${name}: ${error.message}`, 'error');
  } finally {
    busy.delete(name);
    render();
  }
}

async function addNode(strategy) {
  const key = `pool:${strategy}`;
  if (busy.has(key)) return;
  busy.set(key, true);
  render();
  try {
    const node = await post(`/api/pools/${encodeURIComponent(strategy)}/nodes`);
    toast(node?.name ? `${node.name} joined the ${strategy} pool` : `A node joined the ${strategy} pool`);
  } catch (error) {
    toast(`Could not add a node to ${strategy}: ${error.message}`, 'error');
  } finally {
    busy.delete(key);
    render();
  }
}

async function removeNode(row) {
  if (!row?.pool) return;
  const name = row.resource.name;
  const strategy = row.pool.strategy;
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
  policyBusy = true;
  render();
  try {
    const result = await put('/api/gateway/load-balancing', { policy });
    const applied = result?.policy ?? policy;
    shownPolicy = applied;
    role(root, 'policy').value = applied;
    showNotice(role(root, 'notice'), null);
    toast(`The gateway now balances with ${applied}`);
  } catch (error) {
    showNotice(role(root, 'notice'), `Could not change the load-balancing policy: ${error.message}`);
  } finally {
    policyBusy = false;
    render();
  }
}
