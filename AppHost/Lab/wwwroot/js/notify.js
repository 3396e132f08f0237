// Toasts for the outcome of an action; errors stay until dismissed, the rest fade after a few seconds.
import { h } from './dom.js';

const TOAST_MS = 5000;

export function toast(message, kind = 'info') {
  const region = document.getElementById('toasts');
  const close = h('button', { type: 'button', 'aria-label': 'Dismiss' }, '×');
  const item = h('div', { class: kind === 'error' ? 'toast error' : 'toast', role: kind === 'error' ? 'alert' : 'status' }, h('p', {}, message), close);
  close.addEventListener('click', () => item.remove());
  region.append(item);
  if (kind !== 'error') setTimeout(() => item.remove(), TOAST_MS);
  // Keep the stack short on a phone.
  while (region.children.length > 4) region.firstElementChild.remove();
}

export function banner(message) {
  const element = document.getElementById('banner');
  element.textContent = message ?? '';
  element.hidden = !message;
}
