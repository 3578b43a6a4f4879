/**
 * Starts and stops a local Meilisearch process: loopback only, data inside a folder we own,
 * bounded indexing memory, no analytics. The kernel ends it when our process dies, even by
 * SIGKILL (lib/launcher/parent-death.ts): no Meilisearch is left behind, and there is no
 * watchdog process in between that could itself be killed and leave it orphaned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { ensureBinary } from './binary';
import { EngineError } from './errors';
import { probePort } from './port';
import { dyingWithParent } from '@/lib/launcher/parent-death';
import { poll } from '@/lib/launcher/wait';
import { messageOf, errorCode } from '@/lib/errors';

export interface EmbeddedEngineOptions {
  /** Folder for the binary, the database and the log (git-ignored `.meili` by default). */
  stateDir: string;
  /** Database folder; defaults to `stateDir/data`. */
  dataDir?: string;
  /** Folder of the engine's log; defaults to `stateDir` (throwaway engines keep it with their database). */
  logDir?: string;
  port: number;
  masterKey: string;
  /** Passed as `--max-indexing-memory`; measured: 512MiB keeps the engine near 200 MB RSS. */
  maxIndexingMemory?: string;
  /** Ms to wait for `/health` before giving up. */
  startTimeoutMs?: number;
  /** Extra command-line flags (tests use `--experimental-...`). */
  extraArgs?: string[];
}

export interface EngineExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningEngine {
  url: string;
  masterKey: string;
  /** The Meilisearch process itself. */
  pid: number;
  logFile: string;
  /** Settles when the process ends, for whatever reason (a supervisor restarts it: lib/engine/supervisor.ts). */
  exited: Promise<EngineExit>;
  stop(): Promise<void>;
}

/** Where the embedded engine on `port` writes its log. */
export function engineLogFile(logDir: string, port: number): string {
  return path.join(logDir, `meilisearch-${port}.log`);
}

export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<RunningEngine> {
  const { stateDir, port, masterKey } = options;
  const dataDir = options.dataDir ?? path.join(stateDir, 'data');
  const host = '127.0.0.1';
  try {
    await probePort(port, host);
  } catch (error) {
    const code = errorCode(error);
    throw new EngineError(
      code === 'EADDRINUSE'
        ? `port ${port} is already in use: stop what is listening there or set MEILI_PORT to another port`
        : `cannot listen on ${host}:${port} (${code ?? String(error)}): set MEILI_PORT to another port`,
    );
  }
  const binary = await ensureBinary(stateDir);
  await mkdir(dataDir, { recursive: true });
  const logFile = engineLogFile(options.logDir ?? stateDir, port);
  const log = await open(logFile, 'a');
  const args = [
    '--db-path',
    dataDir,
    '--http-addr',
    `${host}:${port}`,
    '--no-analytics',
    '--env',
    'production',
    '--max-indexing-memory',
    options.maxIndexingMemory ?? '512MiB',
    '--dump-dir',
    path.join(stateDir, 'dumps'),
    '--snapshot-dir',
    path.join(stateDir, 'snapshots'),
    ...(options.extraArgs ?? []),
  ];
  let child: ChildProcess;
  try {
    const command = dyingWithParent(binary, args);
    child = spawn(command.command, command.args, {
      env: { ...engineEnvironment(), MEILI_MASTER_KEY: masterKey, MEILI_NO_ANALYTICS: 'true' },
      stdio: ['ignore', log.fd, log.fd],
    });
  } finally {
    await log.close();
  }
  const url = `http://${host}:${port}`;
  let exited = false;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<EngineExit>((resolve) => {
    child.once('error', (error) => {
      spawnError = error;
      exited = true;
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, options.startTimeoutMs ?? 20_000, () => exited);
  } catch (error) {
    await stop();
    const reason = spawnError ? `cannot start Meilisearch (${spawnError.message})` : messageOf(error);
    throw new EngineError(`${reason}; see ${logFile}`);
  }
  return { url, masterKey, pid: child.pid ?? -1, logFile, exited: exitPromise, stop };
}

/**
 * The engine's environment: ours without any MEILI_* variable (Meilisearch reads its options
 * from MEILI_* too, and the project's own MEILI_HOST/MEILI_PORT/… are not meant for it). The
 * master key is passed here rather than as a flag, where `ps` would show it to every user.
 */
function engineEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('MEILI_')) delete env[name];
  return env;
}

async function waitForHealth(url: string, timeoutMs: number, hasExited: () => boolean): Promise<void> {
  const healthy = await poll(
    async () => {
      if (hasExited()) throw new Error('Meilisearch exited during start-up');
      // Not listening yet is no answer: asked again.
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) }).catch(() => null);
      return response?.ok || undefined;
    },
    { timeoutMs, intervalMs: 50 },
  );
  if (!healthy) throw new Error(`Meilisearch did not answer ${url}/health within ${timeoutMs} ms`);
}
