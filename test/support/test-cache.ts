/**
 * What the tests compute once and reuse while nothing it is made from changed: a folder under
 * node_modules/.cache (git-ignored, gone with a fresh `npm ci`), entries named by a hash of their
 * inputs. The code's hash covers every source file of lib/ and the lockfile, so a change to the
 * parser, the indexer or a dependency makes every entry stale at once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/portal-tests');

/** Every file below `dir` (sorted, relative to the repository), tests left out. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A hash of the files' names (relative to the repository) and bytes. */
export async function hashFiles(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    const full = path.resolve(ROOT, file);
    hash
      .update(path.relative(ROOT, full))
      .update('\0')
      .update(await readFile(full))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

let codeHash: Promise<string> | undefined;

/** The hash of the code that turns report files into parsed reports and indexes (lib/ and the lockfile). */
export function libraryHash(): Promise<string> {
  return (codeHash ??= sourceFiles('lib').then((files) => hashFiles([...files, 'package-lock.json'])));
}

/**
 * The cache entry `name`, made by `make(folder)` when missing. `make` writes into a folder of its
 * own, renamed into place when done: a run cut short leaves no half entry, and two processes
 * making the same entry at once both end with a whole one.
 */
export async function cachedFolder(name: string, make: (folder: string) => Promise<void>): Promise<string> {
  const folder = path.join(CACHE_DIR, name);
  if (
    await readdir(folder).then(
      () => true,
      () => false,
    )
  )
    return folder;
  const scratch = `${folder}.${process.pid}.${randomUUID()}.tmp`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  try {
    await make(scratch);
    await rename(scratch, folder).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished the same entry first: theirs is as good as ours.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return folder;
}
