/**
 * Running the project's own commands as child processes (indexer, Next build and server),
 * with the output shown and an exit code that becomes an error the caller can report. Every
 * child is tracked so that the launcher can take them all down when it is told to stop, and
 * ends with it if it is killed outright.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dyingWithParent } from './parent-death';

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where the child's standard output goes: ours (default), or our stderr when ours is a report. */
  stdout?: 'inherit' | 'stderr';
}

const serveScript = fileURLToPath(new URL('../../scripts/serve.ts', import.meta.url));

/** `node` arguments that run the portal's production server (scripts/serve.ts) on `port`. */
export function portalServerArgs(port: number | string, hostname?: string): string[] {
  return ['--import', 'tsx', serveScript, '--port', String(port), ...(hostname ? ['--hostname', hostname] : [])];
}

const running = new Set<ChildProcess>();

/** Starts `node <args>`, ended by the kernel if this process dies first (lib/launcher/parent-death.ts). */
export function spawnNode(args: string[], options: ChildOptions = {}): ChildProcess {
  const stdio: StdioOptions = ['inherit', options.stdout === 'stderr' ? process.stderr : 'inherit', 'inherit'];
  const { command, args: commandArgs } = dyingWithParent(process.execPath, args);
  const child = spawn(command, commandArgs, { stdio, env: options.env ?? process.env, cwd: options.cwd });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Runs `node <args>` to completion; rejects naming the command when it fails. */
export function runNode(args: string[], options: ChildOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnNode(args, options);
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`\`${args.join(' ')}\` failed (${signal ?? `exit code ${code}`})`))));
  });
}

/** Asks every child still running to stop (SIGTERM, then SIGKILL after `graceMs`) and waits for them. */
export async function stopChildren(graceMs = 5000): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
