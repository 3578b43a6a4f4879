import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { ParsedReport } from '@/lib/report/schema';
import { TERM_SEPARATOR } from '@/lib/segment';
import { reportFromDocument } from './document';
import { buildReportDocument, buildSearchDocuments, MAX_TEXT_CHARS, rowText, termPositions } from './documents';
import { byColumn, lineAfter, ROWS, sampleReport as report, SECTIONS } from '@/test/support/sample-report';

/** jieba's main dictionary: real words, to build the densest text the segmenter can meet. */
const { DEFAULT_DICT } = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string };

test('one document per section with text and per table row, with the report metadata', () => {
  const documents = buildSearchDocuments(report());
  assert.deepEqual(
    documents.map((document) => [document.kind, document.anchor]),
    [
      ['section', 'preamble'],
      ['section', 'part-1-1'],
      ['section', 'part-1-2'],
      ['row', 't3-r3-1'],
      ['row', 't2-r9-1'],
    ],
  );
  for (const document of documents) {
    assert.equal(document.year, 2020);
    assert.equal(document.district, '下城区');
    assert.equal(document.level, '区县级');
    assert.match(document.id, /^[A-Za-z0-9_-]+$/);
  }
  assert.deepEqual(
    documents.map((document) => document.order),
    [0, 1, 2, 3, 4],
  );
});

test('a row without a figure read is marked as having no content; passages and rows with figures have it', () => {
  const unread = { ...ROWS[0]!, values: {}, status: 'unreadable' as const, note: '这一行没有读出数字', anchor: 't3-r3-2' };
  const documents = buildSearchDocuments(report({ rows: [...ROWS, unread] }));
  assert.deepEqual(
    documents.map((document) => [document.anchor, document.content]),
    [
      ['preamble', 1],
      ['part-1-1', 1],
      ['part-1-2', 1],
      ['t3-r3-1', 1],
      ['t2-r9-1', 1],
      ['t3-r3-2', 0],
    ],
  );
});

test('section text is kept exactly as printed; terms are hidden beside it', () => {
  const [, active] = buildSearchDocuments(report());
  assert.equal(active!.text, lineAfter('（一）主动公开情况'));
  assert.deepEqual(active!.headingPath, ['一、总体情况', '（一）主动公开情况']);
  assert.equal(active!.category, '主动公开');
  const terms = active!.terms.split(TERM_SEPARATOR);
  for (const term of ['驾驶舱', '数字', '惠企', '政务公开', '主动公开', '16007']) assert.ok(terms.includes(term), term);
});

test('a row reads as its label path and values, so that 予以公开 97 is findable', () => {
  const rows = buildSearchDocuments(report()).filter((document) => document.kind === 'row');
  assert.equal(rows[0]!.text, '三、本年度办理结果 / （一）予以公开：自然人 97，商业企业 3，科研机构 0，社会公益组织 0，法律服务机构 0，其他 0，总计 100');
  assert.deepEqual(rows[0]!.values, byColumn([97, 3, 0, 0, 0, 0, 100]));
  assert.equal(rows[0]!.table, '三');
  assert.equal(rowText(ROWS[1]!), '第二十条第（九）项 / 政府集中采购：采购项目数量 588项，采购总金额 202529227.9元');
  assert.deepEqual(rows[1]!.units, { 采购项目数量: '项', 采购总金额: '元' });
  assert.ok(rows[0]!.terms.split(TERM_SEPARATOR).includes('予以公开'));
});

test('ids are stable across builds and safe for the engine', () => {
  const first = buildSearchDocuments(report()).map((document) => document.id);
  assert.deepEqual(
    buildSearchDocuments(report()).map((document) => document.id),
    first,
  );
  assert.equal(first[0], '2020-hangzhou-xiacheng-qu__preamble');
  const dotted = buildSearchDocuments(report({ id: 'x.y' }));
  assert.equal(dotted[0]!.id, 'x_y__preamble');
});

test('dedupKey collapses a passage republished by a duplicate report in the same year only', () => {
  const keys = (parsed: ParsedReport) => buildSearchDocuments(parsed).map((document) => document.dedupKey);
  const original = keys(report({ duplicates: [{ id: 'copy', similarity: 0.97 }] }));
  const copy = keys(report({ id: 'copy', issuer: '另一个发布机关', duplicates: [{ id: '2020-hangzhou-xiacheng-qu', similarity: 0.97 }] }));
  assert.deepEqual(copy, original, 'the same passages of two copies of one report collapse');
  const unrelated = keys(report({ id: 'other-district', issuer: '另一个区' }));
  assert.ok(
    unrelated.every((key) => key === undefined),
    'a report without copies has no key: identical text elsewhere stays a separate hit',
  );
  assert.ok(original.every((key) => typeof key === 'string'));
  const nextYear = keys(report({ year: 2021, duplicates: [{ id: 'copy', similarity: 0.97 }] }));
  assert.ok(
    nextYear.every((key) => key !== undefined && !original.includes(key)),
    'boilerplate repeated in another year never collapses',
  );
  assert.equal(new Set(original).size, original.length, 'distinct passages of one report never collapse');
});

test('a section too long for the engine is stored in parts whose text adds up to the original', () => {
  const long = SECTIONS[2]!.text.repeat(Math.ceil((MAX_TEXT_CHARS * 2.5) / SECTIONS[2]!.text.length));
  const parsed = report();
  parsed.sections = [{ ...SECTIONS[2]!, text: long }];
  parsed.rows = [];
  const documents = buildSearchDocuments(parsed);
  assert.ok(documents.length >= 3);
  assert.ok(documents.every((document) => document.text.length <= MAX_TEXT_CHARS));
  assert.equal(documents.map((document) => document.text).join(''), long);
  assert.deepEqual(
    documents.map((document) => document.part),
    documents.map((_, index) => index + 1),
  );
  assert.equal(new Set(documents.map((document) => document.id)).size, documents.length);
  assert.ok(
    documents.every((document) => document.anchor === 'part-1-1'),
    'every part links to its section',
  );
});

test('two passages with one anchor are an error, not a silently overwritten document', () => {
  const parsed = report();
  parsed.rows = [ROWS[0]!, { ...ROWS[1]!, anchor: ROWS[0]!.anchor }];
  assert.throws(() => buildSearchDocuments(parsed), /share the document id/);
});

test('the report document carries the whole parsed report and reads back as one', () => {
  const parsed = report({ id: 'x.y', duplicates: [{ id: 'copy', similarity: 0.9 }] });
  const document = buildReportDocument(parsed);
  assert.equal(document.id, 'x_y');
  assert.equal(document.year, 2020);
  assert.deepEqual(JSON.parse(JSON.stringify(reportFromDocument(document))), JSON.parse(JSON.stringify(parsed)));
});

test('the hidden terms of the densest possible text stay within the engine’s position limit', () => {
  // MAX_TEXT_CHARS of distinct dictionary words (of 2 to 5 characters): far more distinct
  // terms than real prose has (about one per three characters), each with its sub-words.
  const dictionary = readFileSync(DEFAULT_DICT, 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[0]!);
  for (const length of [2, 3, 4, 5]) {
    const words = dictionary.filter((word) => word.length === length && /^\p{Script=Han}+$/u.test(word));
    const text = words.join('').slice(0, MAX_TEXT_CHARS);
    const [document] = buildSearchDocuments(report({ sections: [{ ...SECTIONS[2]!, text }], rows: [] }));
    assert.ok(termPositions(document!.terms) <= 65_535, `${length}-character words: ${termPositions(document!.terms)} positions`);
  }
});
