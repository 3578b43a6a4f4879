import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowReadings } from './glued';

const soft = (...texts: string[]) => texts.map((text) => ({ text, explicit: false }));
const explicit = (...texts: string[]) => texts.map((text) => ({ text, explicit: true }));
const values = (r: ReturnType<typeof rowReadings>) => r.readings.map((reading) => reading.map((c) => (c ? c.value : null)));

describe('rowReadings', () => {
  it('one piece per column is read as printed', () => {
    const r = rowReadings(soft('1', '0', '0', '0', '0', '0', '1'), 7);
    assert.deepEqual(values(r), [[1, 0, 0, 0, 0, 0, 1]]);
    assert.equal(r.split, false);
  });

  it("'7000007' has one split into 7 cells", () => {
    const r = rowReadings(soft('7000007'), 7);
    assert.deepEqual(values(r), [[7, 0, 0, 0, 0, 0, 7]]);
    assert.equal(r.split, true);
  });

  it("'20 0 00 0 121': spaces are cell boundaries, '00' is two cells, no cell starts with 0", () => {
    assert.deepEqual(values(rowReadings(soft('20', '0', '00', '0', '121'), 7)), [
      [20, 0, 0, 0, 0, 1, 21],
      [20, 0, 0, 0, 0, 12, 1],
      [2, 0, 0, 0, 0, 0, 121],
    ]);
  });

  it('lists every split of a run into cells', () => {
    assert.deepEqual(values(rowReadings(soft('350'), 2)), [
      [3, 50],
      [35, 0],
    ]);
  });

  it('keeps signs, decimals and units with their cell', () => {
    assert.deepEqual(values(rowReadings(soft('35', '-15'), 2)), [[35, -15]]);
    const r = rowReadings(soft('13575394432.52元'), 2);
    assert.equal(r.readings.length, 10);
    assert.deepEqual(
      r.readings[2]?.map((c) => c && [c.value, c.unit]),
      [
        [135, null],
        [75394432.52, '元'],
      ],
    );
  });

  it('places fewer explicit cells than columns in every possible way', () => {
    const r = rowReadings(explicit('2', '0', '0', '2'), 7);
    assert.equal(r.readings.length, 35);
    assert.equal(r.placed, true);
    assert.deepEqual(values(r)[0], [2, 0, 0, 2, null, null, null]);
  });

  it('drops empty trailing cells beyond the columns, refuses real extra cells', () => {
    assert.deepEqual(values(rowReadings(explicit('4', '0', '0', '0', '0', '0', '4', ''), 7)), [[4, 0, 0, 0, 0, 0, 4]]);
    assert.match(rowReadings(explicit('1', '2', '3'), 2).reason ?? '', /^3 个单元格，多于 2 列$/);
  });

  it('reports digits that cannot make the columns', () => {
    assert.equal(rowReadings(soft('123'), 7).readings.length, 0);
    assert.match(rowReadings(soft('123'), 7).reason ?? '', /^无法读成 7 列$/);
  });
});
