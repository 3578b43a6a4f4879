import assert from 'node:assert/strict';
import os from 'node:os';
import { test } from 'node:test';
import { assertFreeDisk, indexingNeedBytes } from './disk-space';

const MB = 1024 * 1024;

test('a rebuild needs the live database again, or three times the data for a first index, plus headroom', () => {
  assert.equal(indexingNeedBytes(3 * MB, 0), 9 * MB + 64 * MB);
  assert.equal(indexingNeedBytes(3 * MB, 100 * MB), 100 * MB + 64 * MB);
});

test('too little room is refused, naming what is needed and what is free', async () => {
  await assertFreeDisk(os.tmpdir(), 1);
  await assert.rejects(
    assertFreeDisk(os.tmpdir(), Number.MAX_SAFE_INTEGER),
    /indexing needs about \d+ MB free in .*; \d+ MB are free: free some space, or set MEILI_STATE_DIR/,
  );
});
