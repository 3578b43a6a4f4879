import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { startTestEngine } from '@/test/support/test-engine';
import type { ParsedReport } from '@/lib/report/schema';
import type { SearchDocument } from './document';
import { buildReportDocument, buildSearchDocuments } from './documents';
import { adminClient } from './engine';
import { sampleReport, SECTIONS, ROWS } from '@/test/support/sample-report';
import { liveIndexNames } from './index-names';
import { deleteLeftoverBuilds, rebuildIndexes, startRebuild, updateReports, type IndexContent } from './reindex';
import { DOCUMENT_SETTINGS } from './settings';
import { fingerprint, indexerConfigurationHash, isIndexCurrent, readIndexState, stampDataFolder, STATE_DOCUMENT_ID, type IndexState } from './state';

let engine: RunningEngine;
let client: Meilisearch;

before(async () => {
  engine = await startTestEngine();
  client = adminClient({ url: engine.url, apiKey: engine.masterKey });
});
after(() => engine?.stop());

function contentOf(reports: ParsedReport[]): IndexContent {
  return { reports: reports.map(buildReportDocument), documents: reports.flatMap(buildSearchDocuments) };
}

/** `count` reports with the sample's text under their own ids (unrelated reports: nothing collapses). */
function corpus(count: number): ParsedReport[] {
  return Array.from({ length: count }, (_, index) => sampleReport({ id: `report-${index}`, issuer: `机关${index}` }));
}

async function stateFor(content: IndexContent, files: Record<string, string> = {}): Promise<IndexState> {
  return {
    id: STATE_DOCUMENT_ID,
    fingerprint: await fingerprint(files),
    configuration: await indexerConfigurationHash(),
    indexedAt: new Date().toISOString(),
    reports: content.reports.length,
    documents: content.documents.length,
    files,
    failures: [],
  };
}

async function totalHits(uid: string, q = ''): Promise<number> {
  const result = await client.index(uid).search(q, { hitsPerPage: 1, page: 1, locales: ['cmn'] });
  return result.totalHits;
}

async function indexUids(): Promise<string[]> {
  return (await client.getIndexes({ limit: 1000 })).results.map((index) => index.uid);
}

test('a first rebuild creates the live indexes with their settings and the state record', async () => {
  const content = contentOf(corpus(3));
  await rebuildIndexes(client, 'first', content, await stateFor(content));
  const live = liveIndexNames('first');
  assert.equal(await totalHits(live.documents), content.documents.length);
  assert.equal((await client.index(live.reports).getStats()).numberOfDocuments, 3);
  assert.equal((await readIndexState(client, 'first'))?.documents, content.documents.length);
  assert.equal((await client.index(live.documents).getSettings()).distinctAttribute, null);
  assert.deepEqual((await indexUids()).filter((uid) => uid.startsWith('first')).sort(), Object.values(live).sort());
  const stored = await client.index<SearchDocument>(live.documents).getDocument('report-0__t3-r3-1');
  assert.equal(stored.text, content.documents.find((document) => document.id === 'report-0__t3-r3-1')!.text);
});

test('a search during a rebuild sees the old index or the new one, never a part of either', async (t) => {
  const before = contentOf(corpus(150));
  const afterRebuild = contentOf(corpus(250));
  await rebuildIndexes(client, 'swap', before, await stateFor(before));
  const live = liveIndexNames('swap');
  const seen: number[] = [];
  let done = false;
  const rebuilding = rebuildIndexes(client, 'swap', afterRebuild, await stateFor(afterRebuild)).finally(() => (done = true));
  while (!done) seen.push(await totalHits(live.documents, '驾驶舱'));
  await rebuilding;
  seen.push(await totalHits(live.documents, '驾驶舱'));
  const sectionsWith = (content: IndexContent) => content.documents.filter((document) => document.text.includes('驾驶舱')).length;
  assert.ok(seen.length > 5, `only ${seen.length} searches ran during the rebuild`);
  t.diagnostic(`${seen.length} searches during the rebuild saw ${[...new Set(seen)].join(' or ')} hits`);
  assert.deepEqual([...new Set(seen)].sort(), [sectionsWith(before), sectionsWith(afterRebuild)].sort());
  assert.equal(seen.at(-1), sectionsWith(afterRebuild));
});

test('a failed rebuild leaves the old index serving and no build index behind', async () => {
  const good = contentOf(corpus(2));
  await rebuildIndexes(client, 'crash', good, await stateFor(good));
  const broken = contentOf(corpus(3));
  broken.documents[4] = { ...broken.documents[4]!, id: 'not a valid id!' };
  await assert.rejects(
    rebuildIndexes(client, 'crash', broken, await stateFor(broken)),
    /(invalid_document_id|not a valid id|document identifier).*The live index is untouched\.$/is,
  );
  assert.equal(await totalHits(liveIndexNames('crash').documents), good.documents.length);
  assert.deepEqual(
    (await indexUids()).filter((uid) => uid.startsWith('crash') && uid.includes('__build_')),
    [],
  );
});

test('a request the engine refuses is named by its path, and the error says the live index is untouched', async () => {
  // An index name the engine refuses at once (not as a failed task): what a full disk often does too.
  const content = contentOf(corpus(1));
  await assert.rejects(
    rebuildIndexes(client, 'not valid!', content, await stateFor(content)),
    /Meilisearch refused \/indexes \(HTTP 400\): .*not a valid index uid.*\. The live index is untouched\.$/is,
  );
});

test('a build index recreated without settings (deleted by another run) is never swapped in', async () => {
  const good = contentOf(corpus(2));
  await rebuildIndexes(client, 'recreated', good, await stateFor(good));
  const live = liveIndexNames('recreated');
  const next = contentOf(corpus(3));
  const rebuild = await startRebuild(client, 'recreated');
  const [build] = (await indexUids()).filter((uid) => uid.startsWith(`${live.documents}__build_`));
  // What a second run's clean-up did: the build index deleted; this run's documents then
  // recreate it, with the engine's default settings.
  await client.deleteIndex(build!).waitTask();
  await rebuild.add(next.documents);
  await assert.rejects(rebuild.finish(next.reports, await stateFor(next)), /build index .*: filterableAttributes.*not swapped in/);
  assert.equal(await totalHits(live.documents), good.documents.length);
  const settings = await client.index(live.documents).getSettings();
  assert.deepEqual([...settings.filterableAttributes!].map(String).sort(), [...DOCUMENT_SETTINGS.filterableAttributes].sort());
  assert.deepEqual(
    (await indexUids()).filter((uid) => uid.startsWith('recreated') && uid.includes('__build_')),
    [],
  );
});

test('build indexes left by a crashed run are deleted by the next run', async () => {
  const content = contentOf(corpus(1));
  await rebuildIndexes(client, 'leftover', content, await stateFor(content));
  const leftover = `${liveIndexNames('leftover').documents}__build_20200101000000000`;
  await client.createIndex(leftover).waitTask();
  await client.createIndex('leftover_unrelated__build_1').waitTask();
  assert.deepEqual(await deleteLeftoverBuilds(client, 'leftover'), [leftover]);
  assert.ok(!(await indexUids()).includes(leftover));
  assert.ok((await indexUids()).includes('leftover_unrelated__build_1'), 'indexes of other names are not touched');
  assert.equal(await totalHits(liveIndexNames('leftover').documents), content.documents.length);
});

test('updating one report replaces its documents and leaves the others alone', async () => {
  const reports = corpus(2);
  const content = contentOf(reports);
  await rebuildIndexes(client, 'update', content, await stateFor(content));
  const changed = sampleReport({
    id: 'report-0',
    sections: SECTIONS.filter((section) => section.anchor !== 'part-1-2'),
    rows: [{ ...ROWS[0]!, values: { ...ROWS[0]!.values, 自然人: 98 } }, ROWS[1]!],
  });
  const update = contentOf([changed]);
  await updateReports(client, 'update', update, await stateFor(update, { 'x.txt': '1:1' }));
  const documents = client.index<SearchDocument>(liveIndexNames('update').documents);
  const idsOf = async (reportId: string) =>
    (await documents.getDocuments({ filter: `reportId = "${reportId}"`, fields: ['id'], limit: 100 })).results.map((document) => document.id).sort();
  assert.deepEqual(await idsOf('report-0'), update.documents.map((document) => document.id).sort());
  assert.ok(!(await idsOf('report-0')).includes('report-0__part-1-2'), 'the removed section is gone');
  assert.deepEqual(
    await idsOf('report-1'),
    content.documents
      .filter((document) => document.reportId === 'report-1')
      .map((document) => document.id)
      .sort(),
  );
  assert.match((await documents.getDocument('report-0__t3-r3-1')).text, /自然人 98/);
  const state = await readIndexState(client, 'update');
  assert.deepEqual(state?.files, { 'x.txt': '1:1' });
  assert.equal(state?.documents, content.documents.length - 1);
});

test('isIndexCurrent follows the data folder: same files yes, a touched or added file no', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'index-state-'));
  try {
    await copyFile('data/2020-hangzhou-xiacheng-qu.txt', path.join(dataDir, '2020-hangzhou-xiacheng-qu.txt'));
    await copyFile('data/manifest.json', path.join(dataDir, 'manifest.json'));
    const connection = { url: engine.url, apiKey: engine.masterKey };
    assert.equal(await isIndexCurrent(connection, dataDir, 'state'), false, 'no index yet');
    const content = contentOf([sampleReport()]);
    await rebuildIndexes(client, 'state', content, await stateFor(content, await stampDataFolder(dataDir)));
    assert.equal(await isIndexCurrent(connection, dataDir, 'state'), true);
    await utimes(path.join(dataDir, 'manifest.json'), new Date(), new Date(Date.now() + 5000));
    assert.equal(await isIndexCurrent(connection, dataDir, 'state'), false, 'manifest touched');
    await rebuildIndexes(client, 'state', content, await stateFor(content, await stampDataFolder(dataDir)));
    await writeFile(path.join(dataDir, 'new-report.txt'), '2021年政府信息公开工作年度报告');
    assert.equal(await isIndexCurrent(connection, dataDir, 'state'), false, 'file added');
    await assert.rejects(isIndexCurrent({ url: 'http://127.0.0.1:9', apiKey: 'x' }, dataDir, 'state'));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
