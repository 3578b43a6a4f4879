/**
 * Bundles the node test files (*.test.ts) into JavaScript under tmp/test-build (or the folder
 * given), with the runner that runs them (run-node-tests.ts), for `npm run test:node` to run
 * without a TypeScript loader.
 *
 * Why: under tsx every module a test process imports passes its loader hooks and its source map
 * is parsed, and a test file imports a few hundred. Measured on lib/parse/parse.test.ts: 9.6 s
 * of CPU under tsx, 6.0 s bundled; across the suite this is most of what tsx costs. The bundles
 * keep the project's packages external (resolved from node_modules at run time, as before) and
 * come with source maps, so failures point at the TypeScript.
 *
 * The unit files (*.test.ts but not *.int.test.ts) go into one bundle, `unit.test.mjs`, each
 * file's tests in a suite named after it: one process loading the modules they share once
 * instead of ninety-odd loading them again (measured 2026-12-04: 52 CPU-s of unit tests as one
 * process per file, 24 as this one bundle). Each integration file keeps a process of its own: they
 * start engines and servers, and a failure there must not take the others with it.
 *
 * `import.meta.url` and `import.meta.dirname` are replaced, module by module, with the values of
 * the source file: code that finds files next to itself (the jieba user dictionary, the serve
 * script, the test fixtures) finds them from the bundle too.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where the bundles go: the folder given (each npm script its own, so that two runs never share one), else tmp/test-build. */
const TEST_BUILD_DIR = path.resolve(ROOT, process.argv[2] ?? path.join('tmp', 'test-build'));
// The folder is emptied first: only ever one inside tmp/.
if (!TEST_BUILD_DIR.startsWith(path.join(ROOT, 'tmp') + path.sep)) throw new Error(`the test bundles go inside tmp/, not ${TEST_BUILD_DIR}`);
const SOURCE_FOLDERS = ['lib', 'app', 'scripts', 'tools', 'test'];

/** Each module's own `import.meta.url` and `import.meta.dirname`, written in as literals. */
const sourceFiles: Plugin = {
  name: 'source-files',
  setup(esbuild) {
    // A package's JSON data is bundled: Node would want an import attribute for it at run time.
    esbuild.onResolve({ filter: /^[^./].*\.json$/ }, ({ path: specifier, resolveDir }) => ({
      path: createRequire(path.join(resolveDir, 'index.js')).resolve(specifier),
    }));
    esbuild.onLoad({ filter: /\.tsx?$/ }, async ({ path: file }) => {
      const source = await readFile(file, 'utf8');
      const contents = source
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(file)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href));
      return { contents, loader: file.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** The node test files of the project (the browser specs in e2e/ run under Playwright). */
async function testFiles(): Promise<string[]> {
  const found = await Promise.all(
    SOURCE_FOLDERS.map(async (folder) =>
      (await readdir(path.join(ROOT, folder), { recursive: true })).filter((file) => file.endsWith('.test.ts')).map((file) => path.join(ROOT, folder, file)),
    ),
  );
  return found.flat().sort();
}

const COMMON_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [sourceFiles],
} as const satisfies BuildOptions;

const isIntegration = (file: string) => file.endsWith('.int.test.ts');

/**
 * The unit files as one module: each imported inside a suite named by its path, so that its
 * tests (registered as the import runs) report under it. The imports are dynamic so that each
 * file runs inside its suite; in one bundle they are functions, not separate files.
 */
function unitEntry(files: readonly string[]): string {
  const suites = files.map((file) => {
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    return `describe(${JSON.stringify(relative)}, () => import(${JSON.stringify(`./${relative}`)}));`;
  });
  return [`import { describe } from 'node:test';`, ...suites].join('\n');
}

async function bundleTests(files: readonly string[]): Promise<void> {
  await rm(TEST_BUILD_DIR, { recursive: true, force: true });
  await Promise.all([
    build({ ...COMMON_OPTIONS, entryPoints: files.filter(isIntegration), outdir: TEST_BUILD_DIR, outbase: ROOT, outExtension: { '.js': '.mjs' } }),
    build({
      ...COMMON_OPTIONS,
      stdin: { contents: unitEntry(files.filter((file) => !isIntegration(file))), resolveDir: ROOT, sourcefile: 'unit.test.ts', loader: 'ts' },
      outfile: path.join(TEST_BUILD_DIR, 'unit.test.mjs'),
    }),
    build({ ...COMMON_OPTIONS, entryPoints: [path.join(ROOT, 'test/support/run-node-tests.ts')], outfile: path.join(TEST_BUILD_DIR, 'run-node-tests.mjs') }),
  ]);
}

const started = performance.now();
const files = await testFiles();
await bundleTests(files);
console.error(`bundled ${files.length} test files into ${path.relative(ROOT, TEST_BUILD_DIR)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
