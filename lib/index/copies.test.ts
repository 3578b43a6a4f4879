import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyFlagChanges } from './copies';

const doc = (id: string, reportId: string, dedupKey?: string, copy?: boolean) => ({
  id,
  reportId,
  ...(dedupKey ? { dedupKey } : {}),
  ...(copy === undefined ? {} : { copy }),
});

test('of the documents sharing a key, the one of the smallest report id is kept, the others are copies', () => {
  const changes = copyFlagChanges([doc('b__1', 'b', 'k1'), doc('a__1', 'a', 'k1'), doc('c__1', 'c', 'k1'), doc('b__2', 'b', 'k2'), doc('a__3', 'a')]);
  // Documents never flagged need no write: a missing flag is not a copy.
  assert.deepEqual(changes, [
    { id: 'b__1', copy: true },
    { id: 'c__1', copy: true },
  ]);
});

test('only flags that differ from the stored ones change; a passage no longer shared is searched again', () => {
  assert.deepEqual(copyFlagChanges([doc('a__1', 'a', 'k1', false), doc('b__1', 'b', 'k1', true)]), []);
  assert.deepEqual(copyFlagChanges([doc('b__1', 'b', 'k1', true)]), [{ id: 'b__1', copy: false }]);
});

test('two identical passages of one report: one is kept (the smaller id), whatever the order given', () => {
  assert.deepEqual(copyFlagChanges([doc('a__9', 'a', 'k', false), doc('a__10', 'a', 'k', false)]), [{ id: 'a__9', copy: true }]);
  assert.deepEqual(copyFlagChanges([doc('a__10', 'a', 'k'), doc('a__9', 'a', 'k')]), [{ id: 'a__9', copy: true }]);
});
