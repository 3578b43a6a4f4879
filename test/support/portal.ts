/**
 * The portal under test or measurement: the production build (built first when its sources
 * changed) served by the portal's server (scripts/serve.ts) on a free loopback port, with the
 * search-only key `npm start` gives it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@/lib/engine/port';
import { buildIfStale } from '@/lib/launcher/build-state';
import { portalServerArgs } from '@/lib/launcher/child';
import { poll } from '@/lib/launcher/wait';

export interface PortalOptions {
  engineUrl: string;
  searchKey: string;
  prefix: string;
  /** Extra environment (tests set a short engine timeout, …). */
  env?: Record<string, string>;
  /** Fixed port (faults tests restart on the same one); a free one by default. */
  port?: number;
}

export interface RunningPortal {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Builds the app when `.next` is older than its sources (output on stderr: stdout is the benchmark's table). */
export const ensureBuild = (): Promise<void> => buildIfStale(process.cwd(), process.env);

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const serving = await poll(
    async () => {
      if (child.exitCode !== null) throw new Error(`the portal server exited with ${child.exitCode} before serving`);
      const status = await fetch(`${url}/api/no-such-endpoint`, { signal: AbortSignal.timeout(2000) })
        .then((response) => response.status)
        .catch(() => null);
      // Its own 404 is the portal's answer: anything else (no answer yet) is waited out.
      return status === 404 ? true : undefined;
    },
    { timeoutMs, intervalMs: 200 },
  );
  if (!serving) throw new Error(`the portal did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, portalServerArgs(port, '127.0.0.1'), {
    env: {
      ...process.env,
      MEILI_MASTER_KEY: undefined,
      MEILI_ADMIN_KEY: undefined,
      MEILI_HOST: options.engineUrl,
      MEILI_SEARCH_KEY: options.searchKey,
      MEILI_INDEX_PREFIX: options.prefix,
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilServing(url, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return { url, pid: child.pid!, stop };
}
