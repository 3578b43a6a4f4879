/**
 * Processes as Linux's /proc lists them: a process and its descendants (a shell watchdog and
 * its Meilisearch, the portal server and its workers), and the one among them that runs a
 * given program. For tests that kill the engine itself, and for the benchmark's memory figures.
 */
import { readdir, readFile } from 'node:fs/promises';
import { parentOf } from '@/lib/launcher/parent-death';

/** `pid` and every process below it. */
export async function processTree(pid: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = new Map(pids.map((child) => [child, parentOf(child)] as const));
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
