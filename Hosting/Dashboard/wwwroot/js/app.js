// Boots the dashboard: tabs (keyboard: arrows, Home, End), #hash routing, the live stream, the five views.
import { connect } from './live.js';
import * as resources from './resources.js';
import * as logs from './logs.js';
import * as traffic from './traffic.js';
import * as tryit from './tryit.js';
import * as compare from './compare.js';

const views = { resources, logs, traffic, tryit, compare };
const tabs = [...document.querySelectorAll('[role="tab"]')];
let current = null;

function select(name, { focus = false } = {}) {
  if (!views[name]) name = 'resources';
  if (name === current) return;
  for (const tab of tabs) {
    const selected = tab.dataset.view === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  if (current) views[current].hide?.();
  current = name;
  views[name].show?.();
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

for (const [name, view] of Object.entries(views)) {
  view.init(document.getElementById(`view-${name}`));
}
connect();
select(location.hash.slice(1) || 'resources');
