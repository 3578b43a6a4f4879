import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { cannotMount, mountTmpfs, remountReadOnly } from '@/test/support/mounts';
import { loadOrCreateMasterKey } from './keys';

const mode = async (file: string) => (await stat(file)).mode & 0o777;

test('a new master key is private from the start, and the same key is read again', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'keys-'));
  try {
    const key = await loadOrCreateMasterKey(dir);
    assert.equal(await mode(path.join(dir, 'master-key')), 0o600);
    assert.equal(await loadOrCreateMasterKey(dir), key);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a key file others can read is made private before it is used, and the fix is told', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'keys-'));
  const file = path.join(dir, 'master-key');
  try {
    await writeFile(file, 'k'.repeat(32));
    await chmod(file, 0o644);
    const notices: string[] = [];
    assert.equal(await loadOrCreateMasterKey(dir, (message) => notices.push(message)), 'k'.repeat(32));
    assert.equal(await mode(file), 0o600);
    assert.deepEqual(notices, [`${file} was readable by other users (mode 644): made private (mode 600)`]);
    // A key too short to keep is replaced by one that is private too.
    await writeFile(file, 'short');
    await chmod(file, 0o666);
    const replaced = await loadOrCreateMasterKey(dir, () => {});
    assert.notEqual(replaced, 'short');
    assert.equal(await mode(file), 0o600);
    assert.equal((await readFile(file, 'utf8')).trim(), replaced);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a shared key file that cannot be made private is refused with the reason', { skip: cannotMount() ?? false }, async () => {
  const mount = await mountTmpfs('1m');
  const file = path.join(mount.dir, 'master-key');
  try {
    await writeFile(file, 'k'.repeat(32));
    await chmod(file, 0o644);
    remountReadOnly(mount.dir);
    await assert.rejects(
      loadOrCreateMasterKey(mount.dir, () => {}),
      /may be read by other users \(mode 644\) and cannot be made private \(.*read-only file system/i,
    );
  } finally {
    await mount.unmount();
  }
});
