import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { buildIfStale, isBuildCurrent } from './build-state';

let project: string;
const page = () => path.join(project, 'app', 'page.tsx');

beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'build-state-'));
  await mkdir(path.join(project, 'app'));
  await writeFile(page(), 'export default 1;');
  // Sources saved a minute ago: whatever the test writes now is newer.
  const past = new Date(Date.now() - 60_000);
  await utimes(page(), past, past);
  await utimes(path.join(project, 'app'), past, past);
});

afterEach(() => rm(project, { recursive: true, force: true }));

/** What `next build` leaves: the build's id, written as it finishes. */
async function writeBuild(): Promise<void> {
  await mkdir(path.join(project, '.next'), { recursive: true });
  await writeFile(path.join(project, '.next', 'BUILD_ID'), 'test');
}

test('builds when there is no build, then not again while the sources are unchanged', async () => {
  let builds = 0;
  const build = async () => {
    builds += 1;
    await writeBuild();
  };
  await buildIfStale(project, process.env, build);
  await buildIfStale(project, process.env, build);
  assert.equal(builds, 1);
  assert.equal(await isBuildCurrent(project), true);
});

test('a source saved while the build ran makes the build stale, though the build finished after it', async () => {
  await buildIfStale(project, process.env, async () => {
    await writeFile(page(), 'export default 2;');
    await writeBuild();
  });
  assert.equal(await isBuildCurrent(project), false);
});

test('a source saved after the build makes it stale', async () => {
  await buildIfStale(project, process.env, writeBuild);
  await writeFile(page(), 'export default 3;');
  assert.equal(await isBuildCurrent(project), false);
});

test('a Pages Router page saved after the build makes it stale (pages/search.tsx is built too)', async () => {
  await buildIfStale(project, process.env, writeBuild);
  await mkdir(path.join(project, 'pages'));
  await writeFile(path.join(project, 'pages', 'search.tsx'), 'export default 4;');
  assert.equal(await isBuildCurrent(project), false);
});

test('a build that fails leaves the app stale, to be built again', async () => {
  await assert.rejects(
    buildIfStale(project, process.env, async () => {
      throw new Error('next build failed');
    }),
    /next build failed/,
  );
  assert.equal(await isBuildCurrent(project), false);
});

test('a build made by `next build` alone is judged by when it finished', async () => {
  await writeBuild();
  // Finished half a minute ago: a file saved now is newer, even to a clock that ticks in milliseconds.
  const finished = new Date(Date.now() - 30_000);
  await utimes(path.join(project, '.next', 'BUILD_ID'), finished, finished);
  assert.equal(await isBuildCurrent(project), true);
  await writeFile(page(), 'export default 4;');
  assert.equal(await isBuildCurrent(project), false);
});
