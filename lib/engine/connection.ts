/**
 * Which Meilisearch the scripts talk to, and with which key. With MEILI_HOST set, that server
 * (nothing is started); otherwise the embedded engine on MEILI_PORT: reused when it is already
 * running (e.g. under `npm start`), started for the caller's lifetime when it is not.
 */
import path from 'node:path';
import { readEnv, type Env } from '@/lib/config/env';
import { EngineError } from './errors';
import { fetchDefaultKeys, loadOrCreateMasterKey, WrongMasterKey, type EngineKeys } from './keys';
import { engineLogFile, startEmbeddedEngine } from './meilisearch-process';
import { ensureStateDir } from './state-dir';
import { superviseEngine } from './supervisor';

export interface EngineConnection {
  url: string;
  /** Key for writes (indexer). */
  adminKey: string;
  /** Search-only key for the portal (falls back to the admin key when the server has none to give). */
  searchKey: string;
  /** True when this call started the embedded engine (and `close()` stops it). */
  started: boolean;
  /** The engine's log, when it is on this machine and known (the embedded engine's; MEILI_ENGINE_LOG). */
  logFile?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /**
   * Keep an embedded engine that this call starts running, restarting it when it dies
   * (lib/engine/supervisor.ts), with each exit and restart told here. `npm start` does.
   */
  supervise?: (line: string) => void;
}

export async function connectEngine(env: Env = readEnv(), options: ConnectOptions = {}): Promise<EngineConnection> {
  return env.MEILI_HOST ? connectExternal(env, env.MEILI_HOST) : connectEmbedded(env, options);
}

async function connectExternal(env: Env, url: string): Promise<EngineConnection> {
  await assertHealthy(url);
  const master = env.MEILI_MASTER_KEY;
  const defaults = master && (!env.MEILI_ADMIN_KEY || !env.MEILI_SEARCH_KEY) ? await defaultKeysOrNull(url, master) : null;
  const adminKey = env.MEILI_ADMIN_KEY ?? defaults?.adminKey ?? master;
  const searchKey = env.MEILI_SEARCH_KEY ?? defaults?.searchKey ?? master ?? adminKey;
  if (!adminKey || !searchKey) {
    throw new EngineError(`MEILI_HOST is set to ${url} but no key is: set MEILI_MASTER_KEY (or MEILI_ADMIN_KEY and MEILI_SEARCH_KEY)`);
  }
  return { url, adminKey, searchKey, started: false, logFile: env.MEILI_ENGINE_LOG, close: async () => {} };
}

/**
 * The engine's default keys, or null when it has none to give (the master key then serves). A
 * master key the engine refuses is never passed on as the admin key: that is said at once.
 */
async function defaultKeysOrNull(url: string, master: string): Promise<EngineKeys | null> {
  try {
    return await fetchDefaultKeys(url, master);
  } catch (error) {
    if (error instanceof WrongMasterKey)
      throw new EngineError(`MEILI_MASTER_KEY is wrong: ${error.message}. Set the engine's master key (or MEILI_ADMIN_KEY and MEILI_SEARCH_KEY)`);
    return null;
  }
}

async function connectEmbedded(env: Env, options: ConnectOptions): Promise<EngineConnection> {
  const stateDir = path.resolve(env.MEILI_STATE_DIR);
  await ensureStateDir(stateDir);
  const masterKey = await loadOrCreateMasterKey(stateDir);
  const url = `http://127.0.0.1:${env.MEILI_PORT}`;
  if (await isHealthy(url)) {
    // Something answers on our port: reuse it only if it is our engine (our master key works).
    const keys = await fetchDefaultKeys(url, masterKey).catch(() => {
      throw new EngineError(`port ${env.MEILI_PORT} is taken by a Meilisearch that is not this project's: stop it, set MEILI_PORT, or point MEILI_HOST at it`);
    });
    return { url, ...keys, started: false, logFile: engineLogFile(stateDir, env.MEILI_PORT), close: async () => {} };
  }
  const start = () =>
    startEmbeddedEngine({
      stateDir,
      port: env.MEILI_PORT,
      masterKey,
      maxIndexingMemory: env.MEILI_MAX_INDEXING_MEMORY,
    });
  const engine = options.supervise ? await superviseEngine(start, options.supervise) : await start();
  const keys = await fetchDefaultKeys(engine.url, masterKey);
  return { url: engine.url, ...keys, started: true, logFile: engine.logFile, close: () => engine.stop() };
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function assertHealthy(url: string): Promise<void> {
  if (!(await isHealthy(url))) throw new EngineError(`Meilisearch at ${url} is unreachable: start it or fix MEILI_HOST`);
}
