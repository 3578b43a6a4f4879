import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSV_BOM, csvLine } from './csv';

test('the byte-order mark is U+FEFF, which UTF-8 encodes as EF BB BF', () => {
  assert.deepEqual([...new TextEncoder().encode(CSV_BOM)], [0xef, 0xbb, 0xbf]);
});

test('records end in CRLF; Chinese text is written as is', () => {
  assert.equal(csvLine(['杭州市下城区人民政府', 2020, 120]), '杭州市下城区人民政府,2020,120\r\n');
});

test('RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled', () => {
  assert.equal(csvLine(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere']), '"a,b","say ""hi""","two\nlines","cr\rhere"\r\n');
  assert.equal(csvLine(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）']), '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\r\n');
});

test('text that a spreadsheet would run as a formula gets a leading apostrophe', () => {
  assert.equal(csvLine(['=HYPERLINK("http://x")']), `"'=HYPERLINK(""http://x"")"\r\n`);
  assert.equal(csvLine(['+5174', '-87', '@SUM(A1)', '\tx']), `'+5174,'-87,'@SUM(A1),'\tx\r\n`);
  assert.equal(csvLine(['a=b']), 'a=b\r\n');
});

test('negative numbers stay numbers; gaps are empty cells, never 0', () => {
  assert.equal(csvLine([-87, 0, null, 83.33]), '-87,0,,83.33\r\n');
});

test('a number that is not finite is a bug, not a cell', () => {
  assert.throws(() => csvLine([Number.POSITIVE_INFINITY]), RangeError);
  assert.throws(() => csvLine([Number.NaN]), RangeError);
});
