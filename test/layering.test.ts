/**
 * The layering of lib/ (README, Layout): no folder of lib/ imports one that imports it back,
 * even through others, and lib/ imports nothing outside lib/ but packages: not the app, not
 * the scripts, not the benchmark, tools or tests. Read from the imports of every file of lib/
 * but its tests (a test may reach up to what it tests with).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Import {
  file: string;
  /** What it imports, as a path from the repository's root. */
  target: string;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')));
}

/** The imports of `file` that name a file of this repository (packages left out). */
function localImports(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }): Import[] => {
    if (fileName.startsWith('@/')) return [{ file, target: fileName.slice(2) }];
    if (fileName.startsWith('.')) return [{ file, target: path.posix.join(path.posix.dirname(file), fileName) }];
    return [];
  });
}

/** `lib/<name>` inside lib/; outside it, the top-level folder or file. */
function folderOf(file: string): string {
  const [top, name] = file.split('/');
  return top === 'lib' ? `lib/${name}` : top!;
}

/** A path of folders that ends where it starts, or null when the folders import in layers. */
function findCycle(imports: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  const visit = (folder: string, trail: string[]): string[] | null => {
    const start = trail.indexOf(folder);
    if (start >= 0) return [...trail.slice(start), folder];
    if (done.has(folder)) return null;
    for (const next of imports.get(folder) ?? []) {
      const cycle = visit(next, [...trail, folder]);
      if (cycle) return cycle;
    }
    done.add(folder);
    return null;
  };
  for (const folder of imports.keys()) {
    const cycle = visit(folder, []);
    if (cycle) return cycle;
  }
  return null;
}

const libImports = sourceFiles('lib').flatMap(localImports);
const shown = ({ file, target }: Import) => `${file} imports ${target}`;

test('no folder of lib/ imports one that imports it back, even through others', () => {
  /** Folder → the folders of lib/ it imports, each with one import that does. */
  const byFolder = new Map<string, Map<string, Import>>();
  for (const found of libImports) {
    const [from, to] = [folderOf(found.file), folderOf(found.target)];
    if (!to.startsWith('lib/') || from === to) continue;
    const targets = byFolder.get(from) ?? new Map<string, Import>();
    if (!targets.has(to)) targets.set(to, found);
    byFolder.set(from, targets);
  }
  assert.ok(byFolder.size > 0, 'no import between folders of lib/ was read');
  const cycle = findCycle(new Map([...byFolder].map(([from, targets]) => [from, [...targets.keys()]])));
  const steps = (cycle ?? []).slice(1).map((to, index) => shown(byFolder.get(cycle![index]!)!.get(to)!));
  assert.equal(cycle, null, `${cycle?.join(' → ')}:\n${steps.join('\n')}`);
});

test('lib/ imports nothing outside lib/ but packages (no app, scripts, bench, tools or tests)', () => {
  assert.deepEqual(libImports.filter(({ target }) => !target.startsWith('lib/')).map(shown), []);
});

test('a cycle through several folders is found, and layers are not one', () => {
  const layers = new Map([
    ['a', ['b', 'c']],
    ['b', ['c']],
    ['c', []],
  ]);
  assert.equal(findCycle(layers), null);
  assert.deepEqual(findCycle(new Map([...layers, ['c', ['d']], ['d', ['b']]])), ['b', 'c', 'd', 'b']);
});
