/**
 * Children that end with their parent, however the parent ends. A process killed with SIGKILL
 * runs no handler, so its children would live on as orphans (an engine holding its port and
 * database, a portal answering with nothing behind it). On Linux the kernel itself can signal a
 * child when its parent dies (PR_SET_PDEATHSIG); `setpriv` (util-linux, on every Linux system)
 * sets that and then becomes the program, so the child's pid is the program's own.
 */
export function dyingWithParent(command: string, args: readonly string[]): { command: string; args: string[] } {
  if (process.platform !== 'linux') return { command, args: [...args] };
  return { command: 'setpriv', args: ['--pdeathsig', 'TERM', '--', command, ...args] };
}
