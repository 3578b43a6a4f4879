import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureById } from './catalogue';
import type { Figure } from './evaluate';
import type { Observation } from './series';
import { yearOnYear, yearOnYearObservations } from './year-on-year';

const MEASURE = measureById('applications-yoy')!;
const SERIES = '表三 一、本年新收政府信息公开申请数量 · 总计';

function figure(value: number | null, overrides: Partial<Figure> = {}): Figure {
  return {
    value,
    gap: value === null ? 'unreadable' : null,
    unit: '件',
    definition: SERIES,
    series: SERIES,
    older: null,
    computed: false,
    inferred: false,
    failedTables: [],
    anchors: ['t3-1'],
    ...overrides,
  };
}

test('the change in per cent, marked as computed, with the two figures it compares', () => {
  const change = yearOnYear(MEASURE, figure(95), [{ reportId: 'last', figure: figure(21, { inferred: true }) }]);
  assert.equal(change.value, 352.38);
  assert.equal(change.unit, '%');
  assert.equal(change.computed, true);
  assert.equal(change.inferred, true);
  assert.deepEqual(change.yearOnYear, { current: 95, previous: 21, previousReportId: 'last' });
  assert.deepEqual(change.anchors, ['t3-1']);
});

test('never invented: no previous report, a gap in either year, several reports, another definition, a previous 0', () => {
  const gap = (current: Figure, previous: Figure[]) => {
    const change = yearOnYear(
      MEASURE,
      current,
      previous.map((before, index) => ({ reportId: `r${index}`, figure: before })),
    );
    assert.equal(change.value, null);
    return change.gap;
  };
  assert.equal(gap(figure(10), []), 'no-previous-year');
  assert.equal(gap(figure(null), [figure(5)]), 'unreadable');
  assert.equal(gap(figure(10), [figure(null)]), 'previous-gap');
  assert.equal(gap(figure(10), [figure(5), figure(6)]), 'previous-ambiguous');
  assert.equal(gap(figure(10), [figure(5, { series: 'another' })]), 'previous-definition');
  assert.equal(gap(figure(10), [figure(0)]), 'zero-denominator');
});

test('a pre-2019 figure of the same series compares, and says it is the older table', () => {
  const change = yearOnYear(MEASURE, figure(70), [{ reportId: '2018', figure: figure(50, { older: '取自 2019 年前的统计表' }) }]);
  assert.equal(change.value, 40);
  assert.match(change.older!, /^上年：取自 2019 年前的统计表/);
});

test('observations: each year against the same place’s year before, only the years kept', () => {
  const place = { issuer: '甲', province: '福建省', city: null, district: null, level: null };
  const other = { ...place, issuer: '乙' };
  const at = (reportId: string, year: number, value: number | null, where = place): Observation => ({ reportId, year, place: where, figure: figure(value) });
  const changes = yearOnYearObservations(MEASURE, [at('a18', 2018, 100), at('a19', 2019, 150), at('b19', 2019, 10, other), at('a21', 2021, 1)], [2019, 2021]);
  assert.deepEqual(
    changes.map((change) => [change.reportId, change.figure.value, change.figure.gap]),
    [
      ['a19', 50, null],
      ['b19', null, 'no-previous-year'],
      ['a21', null, 'no-previous-year'],
    ],
  );
});
