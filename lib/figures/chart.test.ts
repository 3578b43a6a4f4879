import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderBarChart, renderTrendChart } from './chart';

const point = (value: number, marked = false) => ({ value, marked });

test('a trend chart is an SVG with the accessible name, every line and every year', () => {
  const chart = renderTrendChart({
    title: '本年新收政府信息公开申请数量 · 总计',
    unit: '件',
    years: [2019, 2020, 2021],
    lines: [
      { name: '杭州市下城区人民政府', points: [point(95), point(120), null], breaksBefore: new Set() },
      { name: '平潭综合实验区管委会', points: [point(23), point(21), point(69)], breaksBefore: new Set() },
    ],
  });
  assert.match(chart.svg, /^<svg role="img" aria-label="折线图：本年新收政府信息公开申请数量 · 总计/);
  assert.match(chart.svg, /<title>折线图：/);
  for (const text of ['杭州市下城区人民政府', '平潭综合实验区管委会', '>2019<', '>2020<', '>2021<']) assert.ok(chart.svg.includes(text), text);
  assert.ok(chart.svg.includes('font-family:Noto Sans CJK SC'));
  assert.equal(decodeURIComponent(chart.dataUri.replace(/^data:image\/svg\+xml;charset=utf-8,/, '')), chart.svg);
});

test('report text in labels is escaped: no markup gets into the SVG', () => {
  const hostile = '<script>alert(1)</script>';
  const chart = renderTrendChart({
    title: `${hostile}标题`,
    unit: '件',
    years: [2020, 2021],
    lines: [{ name: `${hostile}"'&`, points: [point(1), point(2)], breaksBefore: new Set() }],
  });
  assert.doesNotMatch(chart.svg, /<script/i);
  assert.ok(chart.svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'ECharts escapes text content');
  assert.ok(chart.svg.includes('aria-label="折线图：&#60;script&#62;'), 'the accessible name is escaped here');
  const bars = renderBarChart({ title: 't', unit: '件', bars: [{ name: hostile, point: point(3) }] });
  assert.doesNotMatch(bars.svg, /<script/i);
});

test('a break cuts the line and is marked 口径变化; a gap draws nothing', () => {
  const unbroken = renderTrendChart({
    title: 't',
    unit: '件',
    years: [2019, 2020, 2021, 2022],
    lines: [{ name: 'A', points: [point(1), point(2), point(3), point(4)], breaksBefore: new Set() }],
  });
  const broken = renderTrendChart({
    title: 't',
    unit: '件',
    years: [2019, 2020, 2021, 2022],
    lines: [{ name: 'A', points: [point(1), point(2), point(3), point(4)], breaksBefore: new Set([2]) }],
  });
  const linePaths = (svg: string) => (svg.match(/<path d="M[^"]*" fill="none"[^>]*stroke-linejoin="bevel"/g) ?? []).length;
  assert.equal(linePaths(unbroken.svg), 1);
  assert.equal(linePaths(broken.svg), 2);
  assert.ok(broken.svg.includes('口径变化'));
  assert.ok(!unbroken.svg.includes('口径变化'));
});

test('a marked figure gets its own symbol', () => {
  const plain = renderTrendChart({
    title: 't',
    unit: '件',
    years: [2020, 2021],
    lines: [{ name: 'A', points: [point(1), point(2)], breaksBefore: new Set() }],
  });
  const marked = renderTrendChart({
    title: 't',
    unit: '件',
    years: [2020, 2021],
    lines: [{ name: 'A', points: [point(1), point(2, true)], breaksBefore: new Set() }],
  });
  assert.notEqual(plain.svg, marked.svg);
});

test('a bar chart has one bar per place and leaves a gap for a missing figure', () => {
  const chart = renderBarChart({
    title: '2020',
    unit: '件',
    bars: [
      { name: '甲', point: point(10) },
      { name: '乙', point: null },
      { name: '丙', point: point(5) },
    ],
  });
  assert.ok(chart.svg.includes('>甲<') && chart.svg.includes('>乙<') && chart.svg.includes('>丙<'));
  const bars = chart.svg.match(/ecmeta_ssr_type="chart"/g) ?? [];
  assert.equal(bars.length, 2);
});
