// Grouped bar charts drawn as SVG: no library, scales with its container, readable without colour (values on bars).
import { h, s } from './dom.js';

const DEFAULT_WIDTH = 560;
const HEIGHT = 250;
const MARGIN = { top: 14, right: 8, bottom: 34, left: 48 };

/**
 * groups: [{ label, values: { [seriesKey]: number | null } }]
 * series: [{ key, label, swatch }]  (swatch: a CSS class that sets --swatch)
 */
export function groupedBars({ title, groups, series, max, format = String, caption, width = DEFAULT_WIDTH }) {
  // The drawing is as wide as the space it gets, so its text stays readable on a phone instead of shrinking.
  const WIDTH = Math.round(Math.max(300, Math.min(DEFAULT_WIDTH, width)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = groups.flatMap(g => series.map(sr => g.values[sr.key])).filter(v => typeof v === 'number');
  const top = max ?? niceMax(Math.max(0, ...values));
  const y = value => MARGIN.top + plotHeight - (top === 0 ? 0 : (value / top) * plotHeight);

  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `${title}. ${describe(groups, series, format)}` },
    s('title', {}, title));

  for (let i = 0; i <= 4; i++) {
    const value = (top / 4) * i;
    const lineY = y(value);
    svg.append(
      s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: lineY, y2: lineY, class: i === 0 ? 'axis' : 'grid' }),
      s('text', { x: MARGIN.left - 6, y: lineY + 4, 'text-anchor': 'end' }, format(value)));
  }

  const groupWidth = plotWidth / Math.max(1, groups.length);
  const barWidth = Math.min(34, (groupWidth * 0.8) / Math.max(1, series.length));
  groups.forEach((group, gi) => {
    const start = MARGIN.left + gi * groupWidth + (groupWidth - barWidth * series.length) / 2;
    series.forEach((sr, si) => {
      const value = group.values[sr.key];
      if (typeof value !== 'number') return;
      const x = start + si * barWidth;
      const barTop = y(value);
      svg.append(s('rect', {
        x: x + 1, y: barTop, width: Math.max(1, barWidth - 2), height: Math.max(0, y(0) - barTop),
        class: `bar-fill ${sr.swatch}`,
      }, s('title', {}, `${group.label}, ${sr.label}: ${format(value)}`)));
      if (barWidth >= 16) {
        svg.append(s('text', { x: x + barWidth / 2, y: barTop - 3, 'text-anchor': 'middle', class: 'value' }, format(value)));
      }
    });
    svg.append(s('text', { x: MARGIN.left + gi * groupWidth + groupWidth / 2, y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle' }, group.label));
  });

  return h('figure', { class: 'chart' },
    h('h4', {}, title),
    svg,
    h('div', { class: 'legend' }, series.map(sr => h('span', { class: sr.swatch }, sr.label))),
    caption ? h('figcaption', { class: 'meta' }, caption) : null);
}

function describe(groups, series, format) {
  return groups.map(g => `${g.label}: ${series.filter(sr => typeof g.values[sr.key] === 'number').map(sr => `${sr.label} ${format(g.values[sr.key])}`).join(', ')}`).join('; ');
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find(m => m * power >= value) ?? 10;
  return step * power;
}
