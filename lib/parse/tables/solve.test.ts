import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { align } from './align';
import type { Reading } from './glued';
import { CHOSEN, type Equation, solve } from './solve';

const reading = (...values: (number | null)[]): Reading => values.map((v) => (v === null ? null : { value: v, unit: null }));
const read = (...values: (number | null)[]) => ({ readings: [reading(...values)], certain: true, reason: null });
/** Row `row`: total in column 2 = columns 0 + 1. */
const rowTotal = (row: number): Equation => ({
  rule: 'total',
  terms: [
    { row, col: 0, coef: 1 },
    { row, col: 1, coef: 1 },
    { row, col: 2, coef: -1 },
  ],
});

describe('solve', () => {
  it('fills the one unknown cell of an identity, naming the rule', () => {
    const [r] = solve([read(3, 4, null)], [rowTotal(0)], 3);
    assert.deepEqual(
      r?.cells.map((c) => c && [c.value, c.inferredBy]),
      [
        [3, null],
        [4, null],
        [7, 'total'],
      ],
    );
  });

  it('sets unknown parts to 0 only when the known parts already make the total', () => {
    assert.equal(solve([read(5, null, 5)], [rowTotal(0)], 3)[0]?.cells[1]?.value, 0);
    assert.equal(solve([read(null, null, 5)], [rowTotal(0)], 3)[0]?.cells[0], undefined);
  });

  it('never fills a negative or fractional value', () => {
    assert.equal(solve([read(9, null, 5)], [rowTotal(0)], 3)[0]?.cells[1], undefined);
  });

  it('keeps the one reading that satisfies the identity, and says it was chosen', () => {
    const input = { readings: [reading(3, 50, 53), reading(35, 0, 36)], certain: false, reason: null };
    const [r] = solve([input], [rowTotal(0)], 3);
    assert.deepEqual(
      r?.cells.map((c) => c?.value),
      [3, 50, 53],
    );
    assert.equal(r?.cells[0]?.inferredBy, CHOSEN);
    assert.deepEqual(r?.chosenBy, ['total']);
  });

  it('leaves a row open when several readings fit, keeping only what they agree on', () => {
    const input = { readings: [reading(1, 2, 3), reading(2, 1, 3)], certain: false, reason: null };
    const [r] = solve([input], [rowTotal(0)], 3);
    assert.deepEqual(
      r?.cells.map((c) => c?.value),
      [undefined, undefined, 3],
    );
    assert.deepEqual(r?.openColumns, [0, 1]);
  });

  it('chooses a reading with an identity across rows (a column sum)', () => {
    const column: Equation = {
      rule: 'column',
      terms: [
        { row: 0, col: 0, coef: 1 },
        { row: 1, col: 0, coef: 1 },
        { row: 2, col: 0, coef: -1 },
      ],
    };
    const ambiguous = { readings: [reading(1, 2, 3), reading(2, 1, 3)], certain: false, reason: null };
    const solved = solve([read(4, 0, 4), ambiguous, read(6, 1, 7)], [rowTotal(1), column], 3);
    assert.deepEqual(
      solved[1]?.cells.map((c) => c?.value),
      [2, 1, 3],
    );
    assert.deepEqual(solved[1]?.chosenBy, ['column']);
  });

  it('a source reading that breaks an identity stays as printed', () => {
    const [r] = solve([read(1, 1, 5)], [rowTotal(0)], 3);
    assert.deepEqual(
      r?.cells.map((c) => c?.value),
      [1, 1, 5],
    );
    assert.ok(r?.cells.every((c) => c?.inferredBy === null));
  });
});

describe('align', () => {
  it('puts unlabelled rows into the gaps between labelled rows, in order', () => {
    // Template rows 0..5; printed: label 0, unlabelled, label 2, unlabelled, unlabelled, label 5.
    const a = align([{ candidates: [0] }, { candidates: null }, { candidates: [2] }, { candidates: null }, { candidates: null }, { candidates: [5] }], 6);
    assert.deepEqual(a.assigned, [0, 1, 2, 3, 4, 5]);
  });

  it('resolves a label that fits two rows by the order of the others', () => {
    const a = align([{ candidates: [0] }, { candidates: null }, { candidates: [2, 3] }, { candidates: [3] }], 4);
    assert.deepEqual(a.assigned, [0, 1, 2, 3]);
  });

  it('leaves undecided what order cannot decide', () => {
    const a = align([{ candidates: [0] }, { candidates: null }, { candidates: [3] }], 4);
    assert.deepEqual(a.assigned, [0, null, 3]);
    assert.deepEqual(a.ambiguous, [{ row: 1, positions: [1, 2] }]);
  });

  it('drops unlabelled rows that cannot fit before giving up labelled ones', () => {
    const a = align([{ candidates: [0] }, { candidates: null }, { candidates: [1] }], 2);
    assert.deepEqual(a.assigned, [0, null, 1]);
    assert.deepEqual(a.dropped, [1]);
  });
});
