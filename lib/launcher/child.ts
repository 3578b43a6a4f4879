/**
 * Running the project's own commands as child processes (indexer, Next build and server),
 * with the output shown and an exit code that becomes an error the caller can report.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
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

export function spawnNode(args: string[], options: ChildOptions = {}): ChildProcess {
  return spawn(process.execPath, args, { stdio: 'inherit', env: options.env ?? process.env, cwd: options.cwd });
}
