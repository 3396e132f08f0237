// Try it: one card per pool; each click is one request through the gateway, relayed by the lab with this
// browser's own cookie jar, and drawn as a coloured step: which node answered and whether the session held.
import { h, role, setText, showNotice, STRATEGIES } from './dom.js';
import { on } from './live.js';
import { post, del } from './api.js';

const USERS = ['alice', 'bob', 'carol'];
const ACTIONS = [
  { action: 'login', label: 'Log in' },
  { action: 'add-to-cart', label: 'Add to cart' },
  { action: 'me', label: 'Read me' },
  { action: 'cart', label: 'Read cart' },
  { action: 'logout', label: 'Log out' },
  { action: 'logout-all', label: 'Log out everywhere' },
];
const SHOWN_STEPS = 40;
const STORAGE_KEY = 'clustersessions.tryit.steps';

let root;
// null until the first state: the pool list says "loading…" until then.
let strategies = null;
const cards = new Map();
const steps = load();

export function init(element) {
  root = element;
  on('state', state => {
    const names = (state.pools ?? []).map(p => p.strategy);
    if (names.join() === strategies) return;
    strategies = names.join();
    render(state.pools ?? []);
  });
}

function render(pools) {
  const container = role(root, 'pools');
  container.setAttribute('aria-busy', 'false');
  cards.clear();
  if (pools.length === 0) {
    container.replaceChildren();
    showNotice(role(root, 'notice'), 'This cluster has no node pools to try.', 'info');
    return;
  }
  showNotice(role(root, 'notice'), null);
  container.replaceChildren(...pools.map(pool => card(pool.strategy)));
  for (const strategy of cards.keys()) drawSteps(strategy);
}

function card(strategy) {
  const user = h('select', { 'aria-label': `User for ${strategy}` }, USERS.map(u => h('option', { value: u }, u)));
  const buttons = ACTIONS.map(({ action, label }) => h('button', {
    type: 'button',
    class: action === 'login' ? 'primary' : null,
    'data-action': action,
    'aria-label': `${label} (${strategy})`,
    onclick: () => run(strategy, action),
  }, label));
  const burst = h('button', { type: 'button', 'data-action': 'me-5', 'aria-label': `Read me five times (${strategy})`, onclick: () => runBurst(strategy) }, 'Read me ×5');
  const forget = h('button', { type: 'button', 'data-action': 'reset', 'aria-label': `Reset ${strategy}`, onclick: () => reset(strategy) }, 'Reset');
  const list = h('ol', { class: 'steps', 'aria-label': `Steps on ${strategy}` });
  const tally = h('p', { class: 'tally' });
  const last = h('p', { class: 'last', 'aria-live': 'polite' });
  const element = h('section', { class: `try-card strategy-${strategy}`, 'data-pool': strategy },
    h('h3', {}, strategy, h('small', {}, STRATEGIES[strategy] ?? '')),
    h('label', { class: 'who' }, 'User ', user),
    h('div', { class: 'buttons' }, buttons, burst, forget),
    list, tally, last);
  cards.set(strategy, { element, user, buttons: [...buttons, burst, forget], list, tally, last });
  return element;
}

async function run(strategy, action) {
  const card = cards.get(strategy);
  setBusy(card, true);
  try {
    await send(strategy, action, card);
  } finally {
    setBusy(card, false);
  }
}

async function runBurst(strategy) {
  const card = cards.get(strategy);
  setBusy(card, true);
  try {
    for (let i = 0; i < 5; i++) {
      if (!(await send(strategy, 'me', card))) break;
    }
  } finally {
    setBusy(card, false);
  }
}

/** One request; false when the lab itself failed (no step to draw from the cluster). */
async function send(strategy, action, card) {
  try {
    const body = action === 'login' ? { user: card.user.value } : undefined;
    const step = await post(`/api/try/${encodeURIComponent(strategy)}/${action}`, body);
    record(strategy, step);
    return true;
  } catch (error) {
    record(strategy, {
      step: (steps[strategy]?.at(-1)?.step ?? 0) + 1,
      action, status: error.status || null, node: null, outcome: 'error', detail: `the lab could not send it: ${error.message}`,
    });
    return false;
  }
}

async function reset(strategy) {
  const card = cards.get(strategy);
  setBusy(card, true);
  try {
    await del(`/api/try/${encodeURIComponent(strategy)}`);
    steps[strategy] = [];
    save();
    drawSteps(strategy);
    setText(card.last, 'Cookies and steps forgotten: a new visitor.');
  } catch (error) {
    setText(card.last, `Could not reset: ${error.message}`);
  } finally {
    setBusy(card, false);
  }
}

function setBusy(card, busy) {
  for (const button of card.buttons) button.disabled = busy;
  card.element.setAttribute('aria-busy', String(busy));
}

function record(strategy, step) {
  (steps[strategy] ??= []).push(step);
  if (steps[strategy].length > 200) steps[strategy].splice(0, steps[strategy].length - 200);
  save();
  drawSteps(strategy);
}

function drawSteps(strategy) {
  const card = cards.get(strategy);
  if (!card) return;
  const all = steps[strategy] ?? [];
  card.list.replaceChildren(...all.slice(-SHOWN_STEPS).map(step => h('li', {
    class: `step outcome-${step.outcome}`,
    'data-node': step.node ?? '',
    'data-outcome': step.outcome,
    title: step.detail,
  }, h('b', {}, `${step.step} ${step.action}`), h('span', {}, `${step.node ?? '—'} · ${step.status ?? 'no answer'}`), h('span', {}, step.outcome))));
  if (all.length === 0) {
    card.list.replaceChildren(h('li', { class: 'meta' }, 'No steps yet: log in to start.'));
  }
  const nodes = [...new Set(all.map(s => s.node).filter(Boolean))].sort();
  const count = outcome => all.filter(s => s.outcome === outcome).length;
  setText(card.tally, all.length === 0 ? '' :
    `nodes seen: ${nodes.join(', ') || 'none'} · held ${count('held')} · lost ${count('lost')}${count('error') ? ` · errors ${count('error')}` : ''}`);
  const last = all.at(-1);
  setText(card.last, last ? `${last.step} ${last.action} → ${last.node ?? 'no node'}: ${last.detail}` : '');
}

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY)) ?? {};
  } catch {
    return {};
  }
}

function save() {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(steps));
  } catch {
    // Storage full or disabled: the steps just do not survive a reload.
  }
}
