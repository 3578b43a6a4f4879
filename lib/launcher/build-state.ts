/**
 * Whether the Next.js production build is older than the sources it was built from, so that
 * `npm start`, the tests and the benchmark build only when something changed.
 */
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runNode } from './child';

/** What the build is made from; data/ is not among them (the app reads reports from the engine). */
const BUILD_INPUTS = [
  'app',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
const IGNORED = /(^|\/)node_modules(\/|$)|\.test\.tsx?$/;

async function newestMtime(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of await readdir(entry, { recursive: true, withFileTypes: true })) {
    const full = path.join(child.parentPath, child.name);
    if (child.isFile() && !IGNORED.test(full)) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

export async function isBuildCurrent(projectDir: string): Promise<boolean> {
  const built = await stat(path.join(projectDir, '.next', 'BUILD_ID')).catch(() => null);
  if (!built) return false;
  const inputs = await Promise.all(BUILD_INPUTS.map((entry) => newestMtime(path.join(projectDir, entry))));
  return Math.max(...inputs) <= built.mtimeMs;
}

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** Runs `next build` when the build is older than its sources; its output goes to stderr (stdout may be a report). */
export async function buildIfStale(projectDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (await isBuildCurrent(projectDir)) return;
  console.error('Building the app …');
  await runNode([nextBin, 'build'], { env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, cwd: projectDir, stdout: 'stderr' });
}
