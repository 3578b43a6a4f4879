/**
 * Children that end with their parent, however the parent ends. A process killed with SIGKILL
 * runs no handler, so its children would live on as orphans (an engine holding its port and
 * database, a portal answering with nothing behind it). On Linux the kernel itself can signal a
 * child when its parent dies (PR_SET_PDEATHSIG); `setpriv` (util-linux, on every Linux system)
 * sets that and then becomes the program, so the child's pid is the program's own.
 */
import { readFileSync } from 'node:fs';
import { errorCode } from '@/lib/errors';

export function dyingWithParent(command: string, args: readonly string[]): { command: string; args: string[] } {
  if (process.platform !== 'linux') return { command, args: [...args] };
  return { command: 'setpriv', args: ['--pdeathsig', 'TERM', '--', command, ...args] };
}

/** The parent of process `pid`, from /proc (null where there is no /proc, or no such process). */
export function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Calls `onGone` once this process's parent or grandparent has ended. npm runs a script through
 * `sh -c`, which does not end when npm is killed: watching the parent alone, `npm start` killed
 * with SIGKILL left the launcher (and all it started) running under an orphaned shell.
 */
export function whenParentsEnd(onGone: () => void, intervalMs = 1000): void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const timer = setInterval(() => {
    if (process.ppid === parent && exists(parent) && (grandparent === null || exists(grandparent))) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
}
