import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsedReport } from '@/test/support/cached-parser';
import { hasIssues, qualityOf, TEXT_TABLE_MISMATCH } from './quality';

const parse = (file: string) => parsedReport(file);

test('failed identities are listed with rule, column, expected, actual and the difference', async () => {
  const quality = qualityOf(await parse('2020-pingtan-zonghe-shiyanqu.html'));
  assert.ok(hasIssues(quality));
  const total = quality.failedChecks.find((check) => check.column === '总计')!;
  assert.deepEqual([total.table, total.rule, total.expected, total.actual, total.difference, total.anchor], ['三', 't3.outcomes', 27, 21, -6, 't3-3-7']);
  assert.ok(quality.failedChecks.every((check) => !check.ok));
});

test('a report whose text contradicts its table is listed (2024 洪泽区: 17 in the text, 95 in table 三)', async () => {
  const quality = qualityOf(await parse('2024-huaian-hongze-qu.pdf'));
  assert.deepEqual(quality.failedChecks, []);
  assert.equal(quality.mismatches.length, 1);
  assert.equal(quality.mismatches[0]!.code, TEXT_TABLE_MISMATCH);
  assert.match(quality.mismatches[0]!.message, /17/);
  assert.ok(hasIssues(quality));
});

test('a report whose identities hold has no issues (2024 淮安市: 3119 + 34 = 3050 + 103)', async () => {
  const quality = qualityOf(await parse('2024-huaian-shi-renmin-zhengfu.pdf'));
  assert.equal(hasIssues(quality), false);
});
