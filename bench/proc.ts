/**
 * Memory of running processes, read from Linux's /proc: resident set size now (VmRSS) and at
 * its peak (VmHWM), summed over a process and its descendants (a shell watchdog and its
 * Meilisearch, `next start` and its workers). RSS counts the pages of memory-mapped files
 * too, which Meilisearch's database is: its anonymous part (RssAnon) is the engine's own
 * memory, the rest is file cache the kernel can take back.
 */
import { readFile } from 'node:fs/promises';
import { processTree } from '@/test/support/processes';

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
