/**
 * The engine's own reasons, from its log. When Meilisearch cannot write (a full disk), its task
 * API says nothing: the task stays `processing` while the engine retries the batch every ~12 s,
 * and the reason ("No space left on device (os error 28)") is only in the log. A process that
 * knows where the log is (the embedded engine's, lib/engine) watches it from the moment it starts
 * writing, and any error the engine's scheduler logs after that stops the run with that reason.
 */
import { open, stat } from 'node:fs/promises';

let watched: { file: string; offset: number } | null = null;

/** From now on, the scheduler errors `file` receives are the engine's reasons (lib/index/engine.ts). */
export async function watchEngineLog(file: string): Promise<void> {
  const size = await stat(file).then((info) => info.size, () => 0);
  watched = { file, offset: size };
}

export function stopWatchingEngineLog(): void {
  watched = null;
}

/** The colours of its terminal output. */
const ANSI = /\u001b\[[0-9;]*m/g;
/** `<time> ERROR index_scheduler…: <message>`, as Meilisearch's human log format writes it. */
const SCHEDULER_ERROR = /^\S+\s+ERROR\s+index_scheduler[\w:]*:\s*(.+)$/;

/** The scheduler's error messages logged since the watch began (distinct, oldest first); none without a watch. */
export async function engineLogErrors(): Promise<string[]> {
  if (!watched) return [];
  const handle = await open(watched.file, 'r').catch(() => null);
  if (!handle) return [];
  try {
    const { size } = await handle.stat();
    if (size <= watched.offset) return [];
    // The last 64 KB at most: the reasons are the latest lines.
    const start = Math.max(watched.offset, size - 64 * 1024);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const messages = buffer
      .toString('utf8')
      .split('\n')
      .map((line) => SCHEDULER_ERROR.exec(line.replace(ANSI, '').trim())?.[1]?.trim())
      .filter((message): message is string => Boolean(message));
    return [...new Set(messages)];
  } finally {
    await handle.close();
  }
}
