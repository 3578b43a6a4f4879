/**
 * One of the project's commands (scripts/*.ts) run as a user runs it, to its exit: its output
 * (stdout and stderr together), exit code and duration; killed after `timeoutMs`, so that a
 * command that hangs fails its test instead of stalling the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Finished {
  code: number | null;
  output: string;
  ms: number;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
}

export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Running {
  const began = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<Finished>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - began });
    }),
  );
  return { child, done };
}
