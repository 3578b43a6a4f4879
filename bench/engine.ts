/**
 * The benchmark's Meilisearch: the embedded binary on a free loopback port with a throwaway
 * database, indexing memory bounded as `npm start` bounds it (512MiB), and what the benchmark
 * needs beyond a test engine: the engine process itself (not its watchdog) and the database's size.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fetchDefaultKeys, type EngineKeys } from '@/lib/engine/keys';
import { startEmbeddedEngine, type RunningEngine } from '@/lib/engine/meilisearch-process';
import { freePort } from '@/lib/engine/port';
import { findProcess } from '@/test/support/processes';

export const BENCH_INDEXING_MEMORY = '512MiB';

export interface BenchEngine {
  engine: RunningEngine;
  keys: EngineKeys;
  /** The Meilisearch process (the launcher's pid is its watchdog shell). */
  enginePid: number;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startBenchEngine(): Promise<BenchEngine> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'meili-bench-'));
  const dataDir = path.join(tempDir, 'data');
  const engine = await startEmbeddedEngine({
    stateDir: path.resolve('.meili'),
    dataDir,
    logDir: tempDir,
    port: await freePort(),
    masterKey: randomBytes(24).toString('hex'),
    maxIndexingMemory: BENCH_INDEXING_MEMORY,
  });
  const stop = async () => {
    await engine.stop();
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    const enginePid = await findProcess(engine.pid, /meilisearch$/);
    if (enginePid === null) throw new Error(`no meilisearch process under the launcher (pid ${engine.pid})`);
    return { engine, keys: await fetchDefaultKeys(engine.url, engine.masterKey), enginePid, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Bytes the files under `folder` take on disk (allocated blocks, as `du` counts them). */
export async function diskUsage(folder: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const info = await stat(path.join(entry.parentPath, entry.name)).catch(() => null);
    if (info) bytes += info.blocks * 512;
  }
  return bytes;
}
