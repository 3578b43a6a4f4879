import assert from 'node:assert/strict';
import { test } from 'node:test';
import { understandQuery, understoodFilters, type KnownValues } from './understand';

/** The facet values of the bundled reports' index. */
const KNOWN: KnownValues = {
  year: ['2011', '2012', '2019', '2020', '2023', '2024', '2025'],
  province: ['福建省', '上海市', '江苏省', '浙江省'],
  city: ['福州市', '上海市', '淮安市', '杭州市'],
  district: ['平潭综合实验区', '洪泽区', '平潭县', '下城区', '未标明'],
  issuer: [
    '平潭综合实验区管委会',
    '上海市人民政府办公厅',
    '淮安市洪泽区人民政府',
    '平潭县人民政府',
    '杭州市下城区人民政府',
    '上海市科学技术委员会',
    '淮安市人民政府',
    '平潭综合实验区地方税务局',
  ],
};

test('a year in any of its written forms is a year filter, and leaves the words', () => {
  for (const [q, text] of [
    ['不予公开 2023', '不予公开'],
    ['2023年 不予公开', '不予公开'],
    ['2023年度不予公开', '不予公开'],
    ['2023年收到申请', '收到申请'],
  ]) {
    const understood = understandQuery(q!, KNOWN);
    assert.equal(understood?.text, text, q);
    assert.deepEqual(understoodFilters(understood!.parts), { year: ['2023'] }, q);
  }
});

test('numbers that are no year of the index stay words', () => {
  assert.equal(understandQuery('申请 157件', KNOWN), null);
  assert.equal(understandQuery('2030 不予公开', KNOWN), null);
  assert.equal(understandQuery('12023 不予公开', KNOWN), null);
});

test('a short place name selects every value of the index that lies there', () => {
  const understood = understandQuery('2023 平潭 不予公开', KNOWN)!;
  assert.equal(understood.text, '不予公开');
  assert.deepEqual(understoodFilters(understood.parts), { year: ['2023'], district: ['平潭县', '平潭综合实验区'] });
  assert.deepEqual(
    understood.parts.map((part) => part.written),
    ['2023', '平潭'],
  );
});

test('places unspaced inside the words, at every level', () => {
  assert.deepEqual(understoodFilters(understandQuery('洪泽区行政复议', KNOWN)!.parts), { district: ['洪泽区'] });
  assert.equal(understandQuery('洪泽区行政复议', KNOWN)!.text, '行政复议');
  assert.deepEqual(understoodFilters(understandQuery('上海市 依申请公开', KNOWN)!.parts), { province: ['上海市'] });
  assert.deepEqual(understoodFilters(understandQuery('淮安的 行政诉讼', KNOWN)!.parts), { city: ['淮安市'] });
  assert.equal(understandQuery('淮安的行政诉讼', KNOWN)!.text, '行政诉讼');
  // The whole value beats the short name inside it.
  assert.deepEqual(understoodFilters(understandQuery('平潭综合实验区 主动公开', KNOWN)!.parts), { district: ['平潭综合实验区'] });
});

test('an issuer by its full name or its short name; not a body that merely shares a place name', () => {
  assert.deepEqual(understoodFilters(understandQuery('平潭综合实验区地方税务局 公开', KNOWN)!.parts), { issuer: ['平潭综合实验区地方税务局'] });
  const kewei = understandQuery('科委 不予公开', KNOWN)!;
  assert.deepEqual(understoodFilters(kewei.parts), { issuer: ['上海市科学技术委员会'] });
  assert.equal(kewei.text, '不予公开');
  assert.deepEqual(understoodFilters(understandQuery('上海市科委', KNOWN)!.parts), { province: ['上海市'], issuer: ['上海市科学技术委员会'] });
  // 政府办 inside 政府办公室 is a word, not the short name.
  assert.equal(understandQuery('政府办公室', KNOWN), null);
  // 平潭 followed by 局: a body named after the place, searched as words.
  assert.equal(understandQuery('平潭局', KNOWN), null);
});

test('a query naming nothing the index knows is not understood; places the index lacks neither', () => {
  assert.equal(understandQuery('行政复议', KNOWN), null);
  assert.equal(understandQuery('朝阳区 行政复议', KNOWN), null);
  assert.equal(understandQuery('未标明', KNOWN), null);
});

test('only a year and a place: nothing left to search but the filters', () => {
  const understood = understandQuery('2024 洪泽', KNOWN)!;
  assert.equal(understood.text, '');
  assert.deepEqual(understoodFilters(understood.parts), { year: ['2024'], district: ['洪泽区'] });
});
