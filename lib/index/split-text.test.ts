import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { splitText } from './split-text';

const TEXT = readFileSync('data/2020-hangzhou-xiacheng-qu.txt', 'utf8');

test('a text within the limit is one part', () => {
  assert.deepEqual(splitText('一句话。', 10), ['一句话。']);
});

test('parts respect the limit, end at sentence ends and add up to the text', () => {
  const parts = splitText(TEXT, 500);
  assert.ok(parts.length > 1);
  assert.equal(parts.join(''), TEXT);
  for (const part of parts.slice(0, -1)) {
    assert.ok(part.length <= 500);
    assert.match(part, /[。！？；!?;\n]$/u);
  }
});

test('a sentence longer than the limit is cut at the limit, never inside a surrogate pair', () => {
  const text = `ab${'𠀀'.repeat(5)}`;
  const parts = splitText(text, 3);
  assert.equal(parts.join(''), text);
  assert.ok(parts.every((part) => part.length <= 3 && !/[\uD800-\uDBFF]$/.test(part)));
});
