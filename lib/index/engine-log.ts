/**
 * The engine's own reasons, from its log. When Meilisearch cannot write (a full disk), its task
 * API says nothing: the task stays `processing` while the engine retries the batch every ~12 s,
 * and the reason ("No space left on device (os error 28)") is only in the log. A process that
 * knows where the log is (the embedded engine's, lib/engine) watches it from the moment it starts
 * writing, and any error the engine's scheduler logs after that stops the run with that reason.
 */
import { open, stat } from 'node:fs/promises';

interface Watch {
  file: string;
  /** How far the log has been read. */
  offset: number;
  /** The start of a line not yet ended where the last read stopped. */
  partial: string;
  errors: Set<string>;
}

let watched: Watch | null = null;

/** From now on, the scheduler errors `file` receives are the engine's reasons (lib/index/engine.ts). */
export async function watchEngineLog(file: string): Promise<void> {
  const size = await stat(file).then(
    (info) => info.size,
    () => 0,
  );
  watched = { file, offset: size, partial: '', errors: new Set() };
}

/** The colours of its terminal output. */
const ANSI = /\u001b\[[0-9;]*m/g;
/** `<time> ERROR index_scheduler…: <message>`, as Meilisearch's human log format writes it. */
const SCHEDULER_ERROR = /^\S+\s+ERROR\s+index_scheduler[\w:]*:\s*(.+)$/;
/** The engine logs every request: a read is capped, and what is skipped is requests, not reasons. */
const MAX_READ_BYTES = 1024 * 1024;

/** The scheduler's error messages logged since the watch began (distinct, oldest first); none without a watch. */
export async function engineLogErrors(): Promise<string[]> {
  const watch = watched;
  if (!watch) return [];
  const handle = await open(watch.file, 'r').catch(() => null);
  if (!handle) return [...watch.errors];
  try {
    const { size } = await handle.stat();
    if (size > watch.offset) {
      const start = Math.max(watch.offset, size - MAX_READ_BYTES);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      const lines = (start === watch.offset ? watch.partial : '') + buffer.toString('utf8');
      const complete = lines.split('\n');
      watch.partial = complete.pop() ?? '';
      watch.offset = size;
      for (const line of complete) {
        const message = SCHEDULER_ERROR.exec(line.replace(ANSI, '').trim())?.[1]?.trim();
        if (message) watch.errors.add(message);
      }
    }
    return [...watch.errors];
  } finally {
    await handle.close();
  }
}
