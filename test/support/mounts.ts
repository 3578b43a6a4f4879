/**
 * File systems that misbehave, for tests run as root (CI and developers' machines are): a
 * tmpfs of a few MB that fills up, and a FUSE mount whose server never answers, where every
 * system call on a path inside waits forever, as on a network mount whose server died. A test
 * skips, saying why, where mounting is not permitted.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Mount {
  dir: string;
  unmount(): Promise<void>;
}

function run(command: string, args: string[], extraFd?: number): string | null {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe', ...(extraFd === undefined ? [] : [extraFd])], encoding: 'utf8' });
  return result.status === 0 ? null : (result.stderr || result.error?.message || `exit ${result.status}`).trim();
}

/** Why mounting cannot be tried here, or null when it can. */
export function cannotMount(): string | null {
  if (process.getuid?.() !== 0) return 'mounting needs root';
  return null;
}

/** A tmpfs of `size` (e.g. '16m'); throws, saying why, when it cannot be mounted. */
export async function mountTmpfs(size: string): Promise<Mount> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tmpfs-'));
  const failure = run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  if (failure) throw new Error(`cannot mount a tmpfs on ${dir}: ${failure}`);
  return {
    dir,
    async unmount() {
      run('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A FUSE mount nobody serves: the kernel's first request (INIT) is never read, so every lookup
 * under `dir` waits. Unmounting closes the connection, which ends every waiting call.
 */
export async function mountSilentFuse(): Promise<Mount> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'silent-'));
  const fuse = openSync('/dev/fuse', 'r+');
  const failure = run('mount', ['-t', 'fuse', '-o', 'fd=3,rootmode=40000,user_id=0,group_id=0', 'silent', dir], fuse);
  if (failure) {
    closeSync(fuse);
    throw new Error(`cannot mount FUSE on ${dir}: ${failure}`);
  }
  return {
    dir,
    async unmount() {
      closeSync(fuse);
      run('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Remounts `dir` read-only (a disk gone read-only, a key file that cannot be changed). */
export function remountReadOnly(dir: string): void {
  const failure = run('mount', ['-o', 'remount,ro', dir]);
  if (failure) throw new Error(`cannot remount ${dir} read-only: ${failure}`);
}
