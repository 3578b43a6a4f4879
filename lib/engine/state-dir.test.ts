import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { cannotMount, mountSilentFuse } from '@/test/support/mounts';
import { ensureStateDir } from './state-dir';

test('the state folder is created with its parents', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'state-dir-'));
  try {
    await ensureStateDir(path.join(root, 'a', 'b'));
    assert.ok((await stat(path.join(root, 'a', 'b'))).isDirectory());
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a state folder that cannot be created fails at once with the reason', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'state-dir-'));
  try {
    await writeFile(path.join(root, 'file'), '');
    await assert.rejects(ensureStateDir(path.join(root, 'file', 'state')), /cannot create MEILI_STATE_DIR .*file\/state: .*Not a directory/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a file system that never answers fails within the time limit, saying so', { skip: cannotMount() ?? false }, async () => {
  const mount = await mountSilentFuse();
  try {
    const started = performance.now();
    await assert.rejects(ensureStateDir(path.join(mount.dir, 'state'), 1_000), /did not answer within 1 s/);
    assert.ok(performance.now() - started < 5_000);
  } finally {
    await mount.unmount();
  }
});
