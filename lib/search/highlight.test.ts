import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cropAround, highlightWords, MARK_END, MARK_START, markWords, queryWords, splitMarked, stripMarkers, wordsToMark } from './highlight';

const marked = (text: string) => text.replaceAll('[', MARK_START).replaceAll(']', MARK_END);
const render = (segments: ReturnType<typeof splitMarked>) => segments.map((s) => (s.highlighted ? `[${s.text}]` : s.text)).join('');

test('text without markers is one plain segment; empty text no segment', () => {
  assert.deepEqual(splitMarked('政府信息公开'), [{ text: '政府信息公开', highlighted: false }]);
  assert.deepEqual(splitMarked(''), []);
});

test('marked words become highlighted segments', () => {
  assert.deepEqual(splitMarked(marked('依[申请]公开')), [
    { text: '依', highlighted: false },
    { text: '申请', highlighted: true },
    { text: '公开', highlighted: false },
  ]);
});

test('adjacent marks merge into one highlight', () => {
  assert.deepEqual(splitMarked(marked('[政府][信息][公开]工作')), [
    { text: '政府信息公开', highlighted: true },
    { text: '工作', highlighted: false },
  ]);
});

test('stray or unbalanced markers are dropped, never shown', () => {
  const segments = splitMarked(marked(']政府[信息'));
  assert.equal(render(segments), '政府[信息]');
  assert.ok(segments.every((segment) => stripMarkers(segment.text) === segment.text));
});

test('markers are outside the Basic Multilingual Plane (PDF text uses U+E000 for symbols)', () => {
  assert.ok(MARK_START.codePointAt(0)! > 0xffff && MARK_END.codePointAt(0)! > 0xffff);
  assert.deepEqual(splitMarked('\uE000符号\uE001'), [{ text: '\uE000符号\uE001', highlighted: false }]);
});

test('markWords marks substrings, longest word first, without touching existing marks', () => {
  const segments = markWords(splitMarked(marked('经审查，[依申请公开]的申请')), ['申请', '审查', '依申请公开']);
  assert.equal(render(segments), '经[审查]，[依申请公开]的[申请]');
  assert.equal(render(highlightWords('政府信息公开条例', ['政府信息公开', '政府'])), '[政府信息公开]条例');
});

test('markWords treats words as text, not patterns', () => {
  assert.equal(render(highlightWords('a.b a+b (c)', ['a.b', '(c)'])), '[a.b] a+b [(c)]');
  assert.equal(render(highlightWords('无', [])), '无');
});

test('queryWords: spaces and punctuation split; quotes dropped; -negated words left out', () => {
  assert.deepEqual(queryWords('依申请公开  行政复议'), ['依申请公开', '行政复议']);
  assert.deepEqual(queryWords('"不予公开"，国家秘密'), ['不予公开', '国家秘密']);
  assert.deepEqual(queryWords('公开 -主动'), ['公开']);
  assert.deepEqual(queryWords(''), []);
});

test('wordsToMark: the query words plus engine matches, one-character matches only if typed', () => {
  assert.deepEqual(wordsToMark('依申请公开', ['依', '申请', '公开', '申请 公开']), ['依申请公开', '申请', '公开']);
  assert.deepEqual(wordsToMark('依 申请', ['依']), ['依', '申请']);
});

test('wordsToMark within a text: pieces of a typed word that the text holds whole are not marked', () => {
  const pieces = ['政务', '公开', '政务公开'];
  assert.deepEqual(wordsToMark('政务公开', pieces, '推进政务公开，做好信息公开'), ['政务公开']);
  assert.deepEqual(wordsToMark('政务公开', pieces, '政务服务，主动公开'), ['政务公开', '政务', '公开'], 'absent: its pieces are what matched');
  assert.deepEqual(wordsToMark('政务公开 公开', pieces, '推进政务公开'), ['政务公开', '公开'], 'typed on its own: marked');
  assert.deepEqual(wordsToMark('政务公开 申请', [...pieces, '申请'], '政务公开；申请'), ['政务公开', '申请']);
});

test('cropAround: a window around the first match, … where cut', () => {
  const text = `${'甲'.repeat(100)}经审查${'乙'.repeat(100)}`;
  const window = cropAround(text, ['审查'], 30);
  assert.ok(window.startsWith('…') && window.endsWith('…'));
  assert.ok(window.includes('审查'));
  assert.equal(window.length, 32);
  assert.equal(cropAround('短文本', ['审查'], 30), '短文本');
  assert.equal(cropAround(text, ['没有'], 10), `${'甲'.repeat(10)}…`);
});
