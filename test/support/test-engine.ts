/**
 * A throwaway Meilisearch for integration tests and benchmarks: a free loopback port, a
 * temporary folder, a random master key; `stop()` removes it all. Nothing depends on a server
 * left running from before.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedEngine, type RunningEngine } from '@/lib/engine/meilisearch-process';
import { freePort } from '@/lib/engine/port';

/** The binary is copied once per checkout, not per test run. */
const SHARED_STATE_DIR = path.resolve('.meili');

export interface TestEngineOptions {
  extraArgs?: string[];
  /** A database folder (of a stopped engine) to start from: copied, the original is left as it is. */
  from?: string;
  /** Where `stop()` leaves the engine's database (a folder it creates) instead of removing it. */
  keepDatabaseIn?: string;
}

export async function startTestEngine(options: TestEngineOptions = {}): Promise<RunningEngine> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'meili-test-'));
  const dataDir = path.join(tempDir, 'data');
  if (options.from) await cp(options.from, dataDir, { recursive: true });
  const engine = await startEmbeddedEngine({
    stateDir: SHARED_STATE_DIR,
    dataDir,
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
      if (options.keepDatabaseIn) await cp(dataDir, options.keepDatabaseIn, { recursive: true });
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
