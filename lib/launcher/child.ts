/**
 * Running the project's own commands as child processes (indexer, Next build and server),
 * with the output shown and an exit code that becomes an error the caller can report. Every
 * child is tracked so that the launcher can take them all down when it is told to stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Node flags of the portal's server process. A 5,000-character Chinese query is ~45 KB of
 * URL, past Node's default 16 KB header limit, where Node answers a bare 431 before the app
 * can say what is wrong; with 64 KB the API answers its own 400 naming the parameter.
 */
export const SERVER_NODE_FLAGS = ['--max-http-header-size=65536'];

const running = new Set<ChildProcess>();

export function spawnNode(args: string[], options: ChildOptions = {}): ChildProcess {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: options.env ?? process.env, cwd: options.cwd });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Runs `node <args>` to completion; rejects naming the command when it fails. */
export function runNode(args: string[], options: ChildOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnNode(args, options);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`\`${args.join(' ')}\` failed (${signal ?? `exit code ${code}`})`)),
    );
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
