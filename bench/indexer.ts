/**
 * Runs the real indexer over a folder in a child process (bench/indexer-child.ts) and
 * returns its summary, its wall time as the parent saw it, and its peak memory.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { IndexSummary } from '@/lib/index/index-reports';

export interface IndexerRun {
  summary: IndexSummary;
  peakRssBytes: number;
}

export interface IndexerTarget {
  url: string;
  adminKey: string;
  prefix: string;
  folder: string;
}

const CHILD = path.join(import.meta.dirname, 'indexer-child.ts');

/** Rejects with the child's error output when it fails; a run is bounded by `timeoutMs`. */
export function runIndexer(target: IndexerTarget, timeoutMs: number): Promise<IndexerRun & { wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        BENCH_ENGINE_URL: target.url,
        BENCH_ADMIN_KEY: target.adminKey,
        BENCH_PREFIX: target.prefix,
        BENCH_FOLDER: path.resolve(target.folder),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const wallMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`indexer ${signal ? `killed by ${signal} (limit ${timeoutMs} ms)` : `exited with ${code}`}: ${stderr.trim().slice(-2000)}`));
        return;
      }
      const lastLine = stdout.trim().split('\n').at(-1) ?? '';
      resolve({ ...(JSON.parse(lastLine) as IndexerRun), wallMs });
    });
  });
}
