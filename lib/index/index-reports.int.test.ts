/**
 * The whole pipeline on the real data folder (a temporary copy, so that files can be changed):
 * parse, segment, index, then search the way the portal does.
 */
import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { startTestEngine } from '@/test/support/test-engine';
import { searchDocuments } from '@/lib/search/query';
import { createSearchEngine, type SearchEngine } from '@/lib/search/query-engine';
import { parseApiSearchParams } from '@/lib/search/query-schema';
import { UNMARKED } from '@/lib/report/schema';
import type { SearchDocument } from './document';
import { adminClient } from './engine';
import { liveIndexNames } from './index-names';
import { indexReports, type IndexSummary } from './index-reports';
import { isIndexCurrent, readIndexState } from './state';

const PREFIX = 'pipeline';
/** A report text with the standard headings and no year, place or issuer anywhere (not in the manifest either). */
const UNMARKED_REPORT = [
  '政府信息公开工作年度报告',
  '一、总体情况',
  '本机关坚持以公开为常态，全面推进蓝鲸湖水质监测信息的主动公开。',
  '二、主动公开政府信息情况',
  '全年主动公开文件十二件。',
  '五、存在的主要问题及改进情况',
  '公开渠道仍需拓展。',
  '',
].join('\n');
let engine: RunningEngine;
let client: Meilisearch;
let portal: SearchEngine;
let dataDir: string;
let first: IndexSummary;

before(async () => {
  engine = await startTestEngine();
  client = adminClient({ url: engine.url, apiKey: engine.masterKey });
  portal = createSearchEngine({ host: engine.url, apiKey: engine.masterKey, prefix: PREFIX });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'index-data-'));
  await cp('data', dataDir, { recursive: true });
  // A file that is no report: it must be named as a failure while the others are indexed.
  await writeFile(path.join(dataDir, 'notes.txt'), '这是一份会议记录，与年度报告无关。\n');
  // A report that states neither its year nor its place: it must be indexed all the same.
  await writeFile(path.join(dataDir, 'unmarked.txt'), UNMARKED_REPORT);
  first = await indexReports({ paths: [dataDir], client, prefix: PREFIX, dataDir });
});
after(async () => {
  await engine?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function search(params: Record<string, string>) {
  return searchDocuments(portal, parseApiSearchParams({ per_page: '50', ...params }));
}

async function allDocumentIds(): Promise<string[]> {
  const { results } = await client.index<SearchDocument>(liveIndexNames(PREFIX).documents).getDocuments({ fields: ['id'], limit: 100_000 });
  return results.map((document) => document.id).sort();
}

test('the data folder is indexed whole; a file that is no report is named and skipped', async () => {
  assert.equal(first.mode, 'rebuild');
  assert.equal(first.files, 25);
  assert.equal(first.reports + first.failures.length, 25);
  assert.ok(first.reports >= 22, `only ${first.reports} reports indexed: ${JSON.stringify(first.failures)}`);
  assert.ok(first.failures.some((failure) => failure.file.endsWith('notes.txt')));
  assert.ok(first.rows > 100 && first.sections > 100, JSON.stringify(first));
  const state = await readIndexState(client, PREFIX);
  assert.equal(state?.documents, first.documents);
  assert.equal((await allDocumentIds()).length, first.documents);
  assert.equal(await isIndexCurrent({ url: engine.url, apiKey: engine.masterKey }, dataDir, PREFIX), true);
});

test('a report that states no year or place is indexed, found, and filed under 未标明', async () => {
  assert.ok(!first.failures.some((failure) => failure.file.endsWith('unmarked.txt')), JSON.stringify(first.failures));
  const found = await search({ q: '蓝鲸湖' });
  assert.ok(found.hits.length > 0, 'its words are searchable');
  const reportId = found.hits[0]!.reportId;
  assert.ok(found.hits.every((hit) => hit.reportId === reportId));
  const unmarked = await search({ q: '蓝鲸湖', province: UNMARKED });
  assert.equal(unmarked.total, found.total, 'the 未标明 place facet selects it');
  const all = await search({ q: '' });
  assert.ok(
    (all.facets.province ?? []).some((value) => value.value === UNMARKED && value.count > 0),
    '未标明 is offered as a place',
  );
});

test('every document is small enough to be indexed whole and keeps its text as printed', async () => {
  const { results } = await client.index<SearchDocument>(liveIndexNames(PREFIX).documents).getDocuments({ limit: 100_000 });
  for (const document of results) {
    assert.ok(document.text.length <= 7000, document.id);
    assert.match(document.id, /^[A-Za-z0-9_-]+$/);
  }
  const source = results.find((document) => document.reportId === '2020-hangzhou-xiacheng-qu' && document.text.includes('数字驾驶舱'));
  assert.ok(source, 'the source report passage is indexed');
});

/** Whether a search for `q` in `attributes` finds this very passage (the portal's locale and strategy). */
async function finds(q: string, document: SearchDocument, attributes: string[]): Promise<boolean> {
  const { hits } = await client.index(liveIndexNames(PREFIX).documents).search(q, {
    locales: ['cmn'],
    matchingStrategy: 'all',
    attributesToSearchOn: attributes,
    filter: [`reportId = "${document.reportId}"`, `anchor = "${document.anchor}"`],
  });
  return hits.length > 0;
}

test('words inside longer words are found through the hidden terms', async (t) => {
  const { results } = await client.index<SearchDocument>(liveIndexNames(PREFIX).documents).getDocuments({ limit: 100_000 });
  const act = '中华人民共和国政府信息公开条例';
  const cases = [
    { q: '政府信息公开', passages: results.filter((d) => d.text.includes(act) && !d.text.replaceAll(act, '').includes('政府信息公开')) },
    { q: '决算', passages: results.filter((d) => d.text.includes('预决算')) },
    { q: '12345', passages: results.filter((d) => d.text.includes('12345便民')) },
    { q: '三方', passages: results.filter((d) => d.text.includes('第三方')) },
  ];
  for (const { q, passages } of cases) {
    assert.ok(passages.length > 0, `the corpus has passages for ${q}`);
    let byTextAlone = 0;
    for (const passage of passages) {
      assert.ok(await finds(q, passage, ['text', 'terms']), `${q} not found in ${passage.id}`);
      if (await finds(q, passage, ['text'])) byTextAlone += 1;
    }
    t.diagnostic(`${q}: ${passages.length}/${passages.length} passages found, ${byTextAlone} by the visible text alone`);
  }
  const { hits } = await search({ q: '决算 信息公开 专栏', year: '2017' });
  assert.ok(hits[0]?.text.includes('财政预决算信息公开'), 'the portal search ranks the 预决算 passage first');
});

test('a passage published by both copies of the 2011 report is one hit', async () => {
  const { results } = await client
    .index<SearchDocument>(liveIndexNames(PREFIX).documents)
    .getDocuments({ filter: 'year = 2011 AND kind = "section"', limit: 1000 });
  const byKey = new Map<string, SearchDocument[]>();
  for (const document of results) {
    if (document.dedupKey !== undefined) byKey.set(document.dedupKey, [...(byKey.get(document.dedupKey) ?? []), document]);
  }
  const shared = [...byKey.values()].find((group) => group.length === 2 && group[0]!.text.length > 40);
  assert.ok(shared, 'the two 2011 copies share passages');
  assert.notEqual(shared[0]!.reportId, shared[1]!.reportId);
  const hitsOfShared = async () => {
    const { hits } = await search({ q: shared[0]!.text.slice(0, 16), year: '2011' });
    return hits.filter((hit) => shared.some((document) => document.id === hit.id));
  };
  assert.equal((await hitsOfShared()).length, 1);
  // The flag is on the copy of the larger report id; re-indexing that report alone flags it again.
  const stored = await client.index<SearchDocument>(liveIndexNames(PREFIX).documents).getDocuments({ filter: `copy = true AND year = 2011`, limit: 1000 });
  assert.ok(stored.results.some((document) => document.dedupKey === shared[0]!.dedupKey && document.reportId === '2011-pingtan-zonghe-shiyanqu'));
  const again = await indexReports({ paths: [path.join(dataDir, '2011-pingtan-zonghe-shiyanqu.txt')], client, prefix: PREFIX, dataDir });
  assert.equal(again.mode, 'update');
  const after = await hitsOfShared();
  assert.equal(after.length, 1);
  assert.equal(after[0]!.reportId, '2011-pingtan-xian-renmin-zhengfu');
});

test('a table row is found by its label and a figure', async () => {
  const { hits } = await search({ q: '予以公开 97', year: '2020' });
  assert.ok(hits.some((hit) => hit.kind === 'row' && hit.reportId === '2020-hangzhou-xiacheng-qu' && /予以公开/.test(hit.text)));
});

test('re-indexing the same data gives the same document ids', async () => {
  const before = await allDocumentIds();
  const again = await indexReports({ paths: [dataDir], client, prefix: PREFIX, dataDir });
  assert.equal(again.mode, 'rebuild');
  assert.deepEqual(await allDocumentIds(), before);
});

test('one changed file updates only its report, in place, and the index is current again', async () => {
  const file = path.join(dataDir, '2020-hangzhou-xiacheng-qu.txt');
  await appendFile(file, '\n');
  assert.equal(await isIndexCurrent({ url: engine.url, apiKey: engine.masterKey }, dataDir, PREFIX), false);
  const others = (await allDocumentIds()).filter((id) => !id.startsWith('2020-hangzhou-xiacheng-qu__'));
  const update = await indexReports({ paths: [file], client, prefix: PREFIX, dataDir });
  assert.equal(update.mode, 'update');
  assert.equal(update.reports, 1);
  assert.deepEqual(
    (await allDocumentIds()).filter((id) => !id.startsWith('2020-hangzhou-xiacheng-qu__')),
    others,
  );
  assert.equal(await isIndexCurrent({ url: engine.url, apiKey: engine.masterKey }, dataDir, PREFIX), true);
});
