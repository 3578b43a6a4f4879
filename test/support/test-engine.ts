/**
 * A throwaway Meilisearch for integration tests and benchmarks: a free loopback port, a
 * temporary folder, a random master key; `stop()` removes it all. Nothing depends on a server
 * left running from before.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedEngine, type RunningEngine } from '@/lib/engine/meilisearch-process';
import { freePort } from '@/lib/engine/port';

/** The binary is copied once per checkout, not per test run. */
const SHARED_STATE_DIR = path.resolve('.meili');

export async function startTestEngine(options: { extraArgs?: string[] } = {}): Promise<RunningEngine> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'meili-test-'));
  const engine = await startEmbeddedEngine({
    stateDir: SHARED_STATE_DIR,
    dataDir: path.join(tempDir, 'data'),
    // With the database, removed by stop(); left behind (and named) if the engine fails to start.
    logDir: tempDir,
    port: await freePort(),
    masterKey: randomBytes(24).toString('hex'),
    maxIndexingMemory: '256MiB',
    extraArgs: options.extraArgs,
  });
  return {
    ...engine,
    async stop() {
      await engine.stop();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
