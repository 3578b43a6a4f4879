/**
 * The embedded engine under `npm start`, kept running: when it dies (killed, out of memory, a
 * crash) it is started again on the same port and database, after a delay that doubles with
 * each failure in a row (1 s, 2 s, 4 s … 30 s) and starts over once it has run for a minute.
 * Every exit and restart is logged. The portal meanwhile answers 503 and recovers by itself
 * (its health check): the keys live in the database, so they stay the same.
 */
import type { EngineExit, RunningEngine } from './meilisearch-process';
import { messageOf } from '@/lib/errors';

export interface Backoff {
  firstMs: number;
  maxMs: number;
  /** An engine that ran this long before dying starts the delays over. */
  resetAfterMs: number;
}

export const ENGINE_BACKOFF: Backoff = { firstMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

export interface SupervisedEngine {
  url: string;
  logFile: string;
  /** The running Meilisearch process (another one after each restart). */
  pid(): number;
  stop(): Promise<void>;
}

function exitText({ code, signal }: EngineExit): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export async function superviseEngine(
  start: () => Promise<RunningEngine>,
  log: (line: string) => void,
  backoff: Backoff = ENGINE_BACKOFF,
): Promise<SupervisedEngine> {
  let engine = await start();
  let startedAt = Date.now();
  let stopping = false;
  let delay = backoff.firstMs;
  let timer: NodeJS.Timeout | undefined;

  const restartLater = (why: string) => {
    log(`Meilisearch ${why}; restarting in ${seconds(delay)} (its log: ${engine.logFile})`);
    timer = setTimeout(() => void restart(), delay);
    delay = Math.min(delay * 2, backoff.maxMs);
  };
  const watch = (running: RunningEngine) => {
    void running.exited.then((exit) => {
      if (stopping) return;
      if (Date.now() - startedAt >= backoff.resetAfterMs) delay = backoff.firstMs;
      restartLater(`(pid ${running.pid}) stopped: ${exitText(exit)}, after ${seconds(Date.now() - startedAt)}`);
    });
  };
  const restart = async () => {
    if (stopping) return;
    try {
      const next = await start();
      if (stopping) return void (await next.stop());
      engine = next;
      startedAt = Date.now();
      log(`Meilisearch restarted (pid ${engine.pid}) at ${engine.url}`);
      watch(engine);
    } catch (error) {
      restartLater(`could not be restarted (${messageOf(error)})`);
    }
  };
  watch(engine);

  return {
    url: engine.url,
    logFile: engine.logFile,
    pid: () => engine.pid,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await engine.stop();
    },
  };
}
