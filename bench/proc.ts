/**
 * Memory of running processes, read from Linux's /proc: resident set size now (VmRSS) and at
 * its peak (VmHWM), summed over a process and its descendants (a shell watchdog and its
 * Meilisearch, `next start` and its workers). RSS counts the pages of memory-mapped files
 * too, which Meilisearch's database is: its anonymous part (RssAnon) is the engine's own
 * memory, the rest is file cache the kernel can take back.
 */
import { readdir, readFile } from 'node:fs/promises';

export interface Memory {
  rssBytes: number;
  peakRssBytes: number;
  /** Resident memory not backed by a file (heap, stacks): what the process itself holds. */
  anonBytes: number;
}

async function status(pid: number): Promise<Memory | null> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  if (text === null) return null;
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM'), anonBytes: kib('RssAnon') };
}

async function parentOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? Number(fields[1]) : null;
}

/** `pid` and every process below it. */
export async function processTree(pid: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = new Map(await Promise.all(pids.map(async (child) => [child, await parentOf(child)] as const)));
  const tree = [pid];
  for (let at = 0; at < tree.length; at++) for (const [child, parent] of parents) if (parent === tree[at]) tree.push(child);
  return tree;
}

/** The descendant of `pid` (or `pid` itself) whose command line names `executable`. */
export async function findProcess(pid: number, executable: RegExp): Promise<number | null> {
  for (const candidate of await processTree(pid)) {
    const command = await readFile(`/proc/${candidate}/cmdline`, 'utf8').catch(() => '');
    if (executable.test(command.split('\0')[0] ?? '')) return candidate;
  }
  return null;
}

/** Memory of `pid` and its descendants, summed (peaks summed too: an upper bound of the tree's peak). */
export async function treeMemory(pid: number): Promise<Memory> {
  const total = { rssBytes: 0, peakRssBytes: 0, anonBytes: 0 };
  for (const member of await processTree(pid)) {
    const memory = await status(member);
    if (!memory) continue;
    total.rssBytes += memory.rssBytes;
    total.peakRssBytes += memory.peakRssBytes;
    total.anonBytes += memory.anonBytes;
  }
  return total;
}

export async function processMemory(pid: number): Promise<Memory | null> {
  return status(pid);
}

/**
 * Samples a process tree's resident memory (all of it, or its anonymous part) every
 * `intervalMs` until stopped: the samples show whether memory grows under load, the maximum
 * is the peak actually seen.
 */
export function sampleMemory(pid: number, intervalMs = 500, part: 'rssBytes' | 'anonBytes' = 'rssBytes'): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      samples.push((await treeMemory(pid))[part]);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}
