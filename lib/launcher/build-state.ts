/**
 * Whether the Next.js production build is older than the sources it was built from, so that
 * `npm start`, the tests and the benchmark build only when something changed.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runNode } from './child';

/** What the build is made from; data/ is not among them (the app reads reports from the engine). */
const BUILD_INPUTS = [
  'app',
  'pages',
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

/**
 * Beside the build: the newest time among its sources, read before it started. A source saved
 * while `next build` ran is newer than that, so the build is stale; the build's own finishing time
 * (BUILD_ID) would have hidden it.
 */
const SOURCES_STAMP = path.join('.next', 'built-from-sources.json');

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

async function newestSource(projectDir: string): Promise<number> {
  return Math.max(...(await Promise.all(BUILD_INPUTS.map((entry) => newestMtime(path.join(projectDir, entry))))));
}

/** The newest source time the build was made from: its stamp, else (a plain `next build`) when it finished. */
async function builtFrom(projectDir: string): Promise<number | null> {
  const stamp = await readFile(path.join(projectDir, SOURCES_STAMP), 'utf8').catch(() => null);
  const newest = stamp === null ? NaN : Number((JSON.parse(stamp) as { newestSourceMs?: unknown }).newestSourceMs);
  if (Number.isFinite(newest)) return newest;
  const built = await stat(path.join(projectDir, '.next', 'BUILD_ID')).catch(() => null);
  return built?.mtimeMs ?? null;
}

export async function isBuildCurrent(projectDir: string): Promise<boolean> {
  const built = await builtFrom(projectDir);
  return built !== null && (await newestSource(projectDir)) <= built;
}

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** `next build`, its output on stderr (stdout may be a report). */
const nextBuild = (projectDir: string, env: NodeJS.ProcessEnv) =>
  runNode([nextBin, 'build'], { env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, cwd: projectDir, stdout: 'stderr' });

/** Runs `next build` (or `build`) when the build is older than its sources, and stamps what it was built from. */
export async function buildIfStale(projectDir: string, env: NodeJS.ProcessEnv, build = nextBuild): Promise<void> {
  if (await isBuildCurrent(projectDir)) return;
  console.error('Building the app …');
  const sources = await newestSource(projectDir);
  // A build that fails leaves no stamp behind: the next check builds again.
  await rm(path.join(projectDir, SOURCES_STAMP), { force: true });
  await build(projectDir, env);
  await writeFile(path.join(projectDir, SOURCES_STAMP), JSON.stringify({ newestSourceMs: sources }));
}
