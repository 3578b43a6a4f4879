import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cut, cutForSearch, loadSegmenter, searchTerms, TERM_SEPARATOR, USER_DICT_PATH } from './index';

const SOURCE_REPORT = readFileSync('data/2020-hangzhou-xiacheng-qu.txt', 'utf8');

test('loads the dictionaries once and reports the time it took', (t) => {
  const firstMs = loadSegmenter();
  assert.ok(firstMs > 0);
  assert.equal(loadSegmenter(), firstMs, 'a second call must not reload');
  t.diagnostic(`dictionary load: ${firstMs.toFixed(0)} ms`);
});

test('keeps digit runs whole (HMM on)', () => {
  const words = cut('2020年度，区政府通过不同渠道和方式公开政府信息16007余条');
  assert.ok(words.includes('2020'), words.join('/'));
  assert.ok(words.includes('16007'), words.join('/'));
});

test('the default dictionaries stay loaded next to the user dictionary', () => {
  assert.deepEqual(cut('南京市长江大桥'), ['南京市', '长江大桥']);
});

test('every term of the user dictionary is one word', () => {
  const terms = readFileSync(USER_DICT_PATH, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter(Boolean);
  assert.ok(terms.length > 50);
  for (const term of terms) assert.deepEqual(cut(term!), [term], term);
});

test('search mode adds the sub-words of a word', () => {
  const words = cutForSearch('经审查，不予公开');
  assert.ok(words.includes('经审查') && words.includes('审查'), words.join('/'));
});

test('search terms hold the words hidden inside longer words, once each, without punctuation', () => {
  const terms = searchTerms(SOURCE_REPORT).split(TERM_SEPARATOR);
  assert.equal(new Set(terms).size, terms.length, 'terms are unique');
  for (const expected of ['政府信息公开', '中华人民共和国', '驾驶舱', '依申请公开', '申请', '16007', '2020']) {
    assert.ok(terms.includes(expected), `missing ${expected}`);
  }
  assert.ok(!terms.some((term) => /^[\p{P}\s]+$/u.test(term) || term === ''), 'no punctuation or blank terms');
  const nested = searchTerms('行政规范性文件').split(TERM_SEPARATOR);
  assert.ok(nested.includes('规范性文件') && nested.includes('行政规范性文件'), nested.join(' '));
});

test('segmentation throughput', (t) => {
  const started = performance.now();
  const rounds = 20;
  for (let i = 0; i < rounds; i += 1) searchTerms(SOURCE_REPORT);
  const seconds = (performance.now() - started) / 1000;
  const charsPerSecond = (SOURCE_REPORT.length * rounds) / seconds;
  t.diagnostic(`searchTerms: ${Math.round(charsPerSecond).toLocaleString('en')} chars/s`);
  assert.ok(charsPerSecond > 50_000, 'segmentation should not be the indexing bottleneck');
});
