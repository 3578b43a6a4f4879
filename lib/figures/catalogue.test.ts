import assert from 'node:assert/strict';
import { test } from 'node:test';
import { T3_COLUMNS, T4_COLUMNS, T4_ROW, table2Groups, table3Rows } from '@/lib/parse/tables/templates';
import { anchorsOf, DEFAULT_MEASURE_ID, MEASURES, measureById, measureGroups, readsStatistics } from './catalogue';
import { statisticsKey } from './statistics-rows';

/** Every (anchor, column) the parser can write for a layout, from its templates. */
function templateCells(layout: '2019' | '2021'): Set<string> {
  const cells = new Set<string>();
  const shapes = layout === '2019' ? [table3Rows('single')] : [table3Rows('single'), table3Rows('split')];
  for (const rows of shapes) for (const row of rows) if (row.valued) for (const column of T3_COLUMNS) cells.add(`${row.anchor}|${column}`);
  for (const column of T4_COLUMNS) cells.add(`${T4_ROW.anchor}|${column}`);
  for (const group of table2Groups(layout)) for (const row of group.rows) for (const column of group.columns) cells.add(`${row.anchor}|${column}`);
  return cells;
}

test('every cell of every variant exists in the parser templates of the layouts it claims', () => {
  for (const measure of MEASURES) {
    for (const variant of measure.variants) {
      assert.ok(variant.layouts.length > 0, `${measure.id}: a variant with no layout`);
      for (const layout of variant.layouts) {
        // The 统计表 has no template: its rows are read by label (see the test below).
        if (layout === 'pre-2019') continue;
        const cells = templateCells(layout);
        for (const ref of [...variant.numerator, ...(variant.denominator ?? [])]) {
          assert.ok(cells.has(`${ref.anchor}|${ref.column}`), `${measure.id} (${layout}): ${ref.anchor} · ${ref.column} is not in the template`);
          assert.equal(ref.table, { t2: '二', t3: '三', t4: '四' }[ref.anchor.split('-')[0]!], `${measure.id}: table of ${ref.anchor}`);
        }
      }
    }
  }
});

test('every valued cell of tables 二, 三 and 四 is a measure of its own', () => {
  const single = new Set<string>();
  for (const measure of MEASURES) {
    for (const variant of measure.variants) {
      if (variant.numerator.length === 1 && variant.denominator === null) single.add(`${variant.numerator[0]!.anchor}|${variant.numerator[0]!.column}`);
    }
  }
  for (const layout of ['2019', '2021'] as const) for (const cell of templateCells(layout)) assert.ok(single.has(cell), `${cell} (${layout}) has no measure`);
});

test('ids are unique and URL-safe; the default exists; groups cover the catalogue', () => {
  const ids = MEASURES.map((measure) => measure.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9.-]+$/);
  assert.ok(measureById(DEFAULT_MEASURE_ID));
  assert.equal(
    measureGroups().reduce((count, group) => count + group.measures.length, 0),
    MEASURES.length,
  );
});

test('the measures named in the issue resolve to the cells analysts mean', () => {
  const received = measureById('t3-1.total')!;
  assert.equal(received.label, '一、本年新收政府信息公开申请数量 · 总计');
  assert.deepEqual(anchorsOf(received), ['t3-1']);
  const refused = measureById('t3-3-3.total')!;
  assert.deepEqual(anchorsOf(refused), ['t3-3-3-1', 't3-3-3-2', 't3-3-3-3', 't3-3-3-4', 't3-3-3-5', 't3-3-3-6', 't3-3-3-7', 't3-3-3-8']);
  const corrected = measureById('t4.review.corrected')!;
  assert.deepEqual(corrected.variants[0]!.numerator, [{ table: '四', anchor: 't4', column: '行政复议/结果纠正' }]);
  const licences = measureById('t2-5-1.decisions')!;
  assert.deepEqual(
    licences.variants.map((variant) => variant.numerator[0]!.column),
    ['处理决定数量', '本年处理决定数量'],
  );
});

test('measures whose meaning changed between the formats have one variant per format', () => {
  const otherHandling = measureById('t3-3-6.total')!;
  assert.equal(otherHandling.variants.length, 2);
  assert.deepEqual(otherHandling.variants[1]!.layouts, ['2021']);
  assert.deepEqual(anchorsOf(otherHandling), ['t3-3-6', 't3-3-6-1', 't3-3-6-2', 't3-3-6-3']);
  assert.deepEqual(measureById('t3-3-6-1.total')!.variants[0]!.layouts, ['2021']);
  const fees = measureById('t2-8-1.fee-amount')!;
  assert.deepEqual(
    fees.variants.map((variant) => [variant.layouts, variant.unit]),
    [[['2021'], '万元']],
  );
  assert.equal(measureById('t2-1-2.stock')!.variants.length, 2);
});

test('rates divide by the right totals', () => {
  const disclosure = measureById('disclosure-rate')!;
  assert.ok(disclosure.isRate);
  const [variant] = disclosure.variants;
  assert.deepEqual(
    variant!.numerator.map((ref) => ref.anchor),
    ['t3-3-1', 't3-3-2'],
  );
  assert.deepEqual(
    variant!.denominator!.map((ref) => `${ref.anchor}|${ref.column}`),
    ['t3-3-7|总计'],
  );
  assert.deepEqual(
    measureById('unavailable-share')!.variants[0]!.numerator.map((ref) => ref.anchor),
    ['t3-3-4-1', 't3-3-4-2', 't3-3-4-3'],
  );
  for (const id of ['review-correction-rate', 'suit-direct-correction-rate', 'suit-after-review-correction-rate']) {
    const [rate] = measureById(id)!.variants;
    const group = rate!.numerator[0]!.column.split('/')[0];
    assert.equal(rate!.numerator[0]!.column, `${group}/结果纠正`);
    assert.equal(rate!.denominator![0]!.column, `${group}/总计`);
  }
});

test('pre-2019 统计表 rows map to the measures they mean, and only those', () => {
  assert.equal(statisticsKey(['受理依申请公开信息总数']), 'ts:received');
  assert.equal(statisticsKey(['受理政府信息依申请公开总数']), 'ts:received');
  assert.equal(statisticsKey(['对申请的答复总数']), null);
  assert.equal(statisticsKey(['受理依申请公开信息总数', '1、当面申请数']), null);
  assert.equal(statisticsKey(['对申请的答复数', '3.否决公开答复数']), 'ts:refused');
  assert.equal(statisticsKey(['对申请的答复总数', '3、不予公开答复数']), 'ts:refused');
  assert.equal(statisticsKey(['对申请的答复总数', '2、同意部分公开答复数']), 'ts:partly');
  assert.equal(statisticsKey(['对申请的答复总数', '1、同意公开答复数']), 'ts:granted');
  assert.equal(statisticsKey(['行政复议数']), 'ts:review');
  assert.equal(statisticsKey(['接受行政诉讼、举报数']), null);
  assert.equal(statisticsKey(['行政诉讼数']), 'ts:suit');
  const mapped = MEASURES.filter(readsStatistics).map((measure) => measure.id);
  // 申请量同比 reads what 新收申请 reads.
  assert.deepEqual(mapped.sort(), ['applications-yoy', 'suits.total', 't3-1.total', 't3-3-1.total', 't3-3-2.total', 't3-3-3.total', 't4.review.total'].sort());
  // Same meaning: one series; otherwise the older definition is a series of its own.
  const review = measureById('t4.review.total')!;
  assert.equal(review.variants[1]!.series, review.variants[0]!.series);
  const refused = measureById('t3-3-3.total')!;
  assert.notEqual(refused.variants.at(-1)!.series, refused.variants[0]!.series);
  assert.match(refused.variants.at(-1)!.older!, /口径不同/);
});

test('derived totals: 行政诉讼总计 and the suits’ correction rate add both kinds of suit', () => {
  assert.deepEqual(
    measureById('suits.total')!.variants[0]!.numerator.map((ref) => ref.column),
    ['未经复议直接起诉/总计', '复议后起诉/总计'],
  );
  const rate = measureById('suits-correction-rate')!.variants[0]!;
  assert.deepEqual(
    rate.numerator.map((ref) => ref.column),
    ['未经复议直接起诉/结果纠正', '复议后起诉/结果纠正'],
  );
  assert.deepEqual(
    rate.denominator!.map((ref) => ref.column),
    ['未经复议直接起诉/总计', '复议后起诉/总计'],
  );
});
