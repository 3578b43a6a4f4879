import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureBinary } from './binary';

test('several engines started at once on a fresh checkout share one executable copy of the binary', async () => {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'meili-bin-'));
  try {
    const paths = await Promise.all([ensureBinary(stateDir), ensureBinary(stateDir), ensureBinary(stateDir)]);
    assert.equal(new Set(paths).size, 1);
    assert.ok(((await stat(paths[0])).mode & 0o111) !== 0, 'the copy is executable');
    assert.deepEqual(await readdir(path.join(stateDir, 'bin')), ['meilisearch'], 'no partial files are left');
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
});
