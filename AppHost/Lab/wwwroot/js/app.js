// Boots the lab: tabs (keyboard: arrows, Home, End), #hash routing, the live stream, the header links, the four views.
import { connect, on } from './live.js';
import * as tryit from './tryit.js';
import * as traffic from './traffic.js';
import * as compare from './compare.js';
import * as pools from './pools.js';

const views = { tryit, traffic, compare, pools };
const DEFAULT_VIEW = 'tryit';
// Old bookmarks: the Resources view became Pools; the Logs view moved to the Aspire dashboard.
const ALIASES = { resources: 'pools' };
const tabs = [...document.querySelectorAll('[role="tab"]')];
let current = null;

function select(name, { focus = false } = {}) {
  name = ALIASES[name] ?? name;
  if (!views[name]) name = DEFAULT_VIEW;
  if (name !== current) {
    for (const tab of tabs) {
      const selected = tab.dataset.view === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    }
    if (current) views[current].hide?.();
    current = name;
    views[name].show?.();
  }
  if (focus) tabs.find(tab => tab.dataset.view === name)?.focus();
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
}

for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab.dataset.view));
  tab.addEventListener('keydown', event => {
    const index = tabs.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length].dataset.view, { focus: true });
  });
}

window.addEventListener('hashchange', () => select(location.hash.slice(1)));

/** The header: where the gateway listens, and a way to the Aspire dashboard (its URL carries a login token). */
function renderHeader(state) {
  const gateway = document.getElementById('gateway');
  const gatewayLink = document.getElementById('gateway-url');
  if (state.gatewayUrl) {
    const base = state.gatewayUrl.replace(/\/+$/, '');
    // The gateway itself has no page at /: open the first pool's demo page through it.
    const pool = state.pools?.[0]?.strategy;
    const href = pool ? `${base}/${encodeURIComponent(pool)}/` : `${base}/`;
    if (gatewayLink.getAttribute('href') !== href) gatewayLink.href = href;
    if (gatewayLink.textContent !== base) gatewayLink.textContent = base;
    gatewayLink.title = pool ? `Open the ${pool} demo page through the gateway` : 'Open the gateway';
    gateway.hidden = false;
  } else {
    gateway.hidden = true;
  }

  const dashboard = document.getElementById('dashboard-link');
  if (state.dashboardUrl) {
    if (dashboard.getAttribute('href') !== state.dashboardUrl) dashboard.href = state.dashboardUrl;
    dashboard.hidden = false;
  } else {
    dashboard.removeAttribute('href');
    dashboard.hidden = true;
  }
}

for (const [name, view] of Object.entries(views)) {
  view.init(document.getElementById(`view-${name}`));
}
on('state', renderHeader);
connect();
select(location.hash.slice(1) || DEFAULT_VIEW);
