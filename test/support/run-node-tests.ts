/**
 * Runs the node test bundles (bundle-tests.ts), three files at a time, the long ones first:
 * `node tmp/test-build/run-node-tests.mjs [unit|integration]` (both when not given).
 *
 * Why not `node --test` itself: Node 20 runs the files it is given in the order of their names,
 * which put the unit bundle (~20 s) and `npm start`'s file (~30 s) last, alone on the cores. In
 * this order the node files alone took 79 s against 86 s (2026-12-04). It is bundled beside the
 * tests and run without a TypeScript loader, because Node passes its own flags on to every test
 * process.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { run } from 'node:test';
import { tap } from 'node:test/reporters';

const BUILD_DIR = path.dirname(process.argv[1] ?? '.');
const UNIT_BUNDLE = 'unit.test.mjs';
const KINDS = ['unit', 'integration'] as const;
type Kind = (typeof KINDS)[number];

/** Longest first, by what they do: `npm start` and the other commands, the unit bundle, the hardening files; then the rest. */
const RUN_FIRST = ['scripts/', UNIT_BUNDLE, 'test/'];
const rank = (file: string) => {
  const found = RUN_FIRST.findIndex((start) => file.startsWith(start));
  return found === -1 ? RUN_FIRST.length : found;
};

function fail(message: string): never {
  console.error(`run-node-tests: ${message}`);
  process.exit(2);
}

function kindsAsked(arg: string | undefined): readonly Kind[] {
  if (arg === undefined) return KINDS;
  const kind = KINDS.find((known) => known === arg);
  return kind === undefined ? fail(`usage: run-node-tests.mjs [${KINDS.join('|')}] (not ${arg})`) : [kind];
}

const kinds = kindsAsked(process.argv[2]);
const bundles = (await readdir(BUILD_DIR, { recursive: true }))
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => (file === UNIT_BUNDLE ? kinds.includes('unit') : file.endsWith('.int.test.mjs') && kinds.includes('integration')))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
if (bundles.length === 0) fail(`no test bundles in ${BUILD_DIR}: run test/support/bundle-tests.ts first`);

const tests = run({ files: bundles.map((file) => path.resolve(BUILD_DIR, file)), concurrency: 3 });
tests.on('test:fail', () => {
  process.exitCode = 1;
});
tests.compose(tap).pipe(process.stdout);
