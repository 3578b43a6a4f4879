/**
 * The embedded engine's state folder (MEILI_STATE_DIR), created before anything else touches
 * it, within a time limit. On a network or FUSE mount that stopped answering, `mkdir` never
 * returns; a system call stuck in the kernel cannot be abandoned by the process that made it
 * (a libuv thread would stay blocked, and Node waits for its thread pool on exit), so the
 * first touch is made by a child process, which can be killed when the time is up.
 */
import { spawn } from 'node:child_process';
import { EngineError } from './errors';

export const STATE_DIR_TIMEOUT_MS = 10_000;

export function ensureStateDir(dir: string, timeoutMs = STATE_DIR_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mkdir', ['-p', '--', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new EngineError(
          `cannot create MEILI_STATE_DIR ${dir}: its file system did not answer within ${timeoutMs / 1000} s ` +
            '(a network or FUSE mount that stopped responding?); set MEILI_STATE_DIR to a local folder',
        ),
      );
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new EngineError(`cannot create MEILI_STATE_DIR ${dir}: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new EngineError(`cannot create MEILI_STATE_DIR ${dir}: ${stderr.trim().replace(/^mkdir: /, '') || `mkdir exited with ${code}`}`));
    });
  });
}
