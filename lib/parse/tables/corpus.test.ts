/**
 * Every report of data/: every row of tables 三 and 四 is there, with a status and, unless read,
 * the reason; the failed checks are exactly the report's own inconsistencies (listed below after
 * reading each file; they are the data, not parser errors); spans stay inside their blocks.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ingestFile } from '@/lib/ingest';
import type { Block } from '@/lib/ingest/types';
import { TableRow as TableRowSchema, Check as CheckSchema } from '@/lib/report/schema';
import path from 'node:path';
import { parseTables, type TableParseResult } from '.';
import { DATA_DIR } from '@/test/support/corpus';
import { MANIFEST } from '@/test/support/parse-tables';
import { table3Rows } from './templates';

const REPORTS = MANIFEST.filter((e) => e.layout !== 'pre-2019');

/** Failed checks per report as [rule, column, expected, actual]; a report not listed has none. */
const KNOWN_INCONSISTENCIES: Record<string, [string, string, number, number][]> = {
  // 自然人: （一）6 + （二）6 + （四）4 + 3 + （五）3 + （六）4 = 26, but （七）总计 prints 20.
  '2020-pingtan-zonghe-shiyanqu.html': [
    ['t3.outcomes', '自然人', 26, 20],
    ['t3.outcomes', '总计', 27, 21],
  ],
  // Table 四 prints 10 1 0 0 0 | 0 0 0 0 0 | 5 0 0 0 0: two group totals of 0.
  '2023-huaian-hongze-qu.pdf': [
    ['t4.group-total', '行政复议/总计', 11, 0],
    ['t4.group-total', '复议后起诉/总计', 5, 0],
  ],
};

const results = new Map<string, { blocks: Block[]; result: TableParseResult }>();
before(async () => {
  for (const e of MANIFEST) {
    const { blocks } = await ingestFile(path.join(DATA_DIR, e.file));
    results.set(e.file, { blocks, result: parseTables(blocks, e.layout) });
  }
});

const get = (file: string) => results.get(file) as { blocks: Block[]; result: TableParseResult };

describe('every 2019+ report', () => {
  for (const e of REPORTS) {
    it(`${e.file}: all rows of tables 三 and 四, each read, inferred, or unreadable with a reason`, () => {
      const { result } = get(e.file);
      const t3 = result.rows.filter((r) => r.table === '三');
      const anchors = t3.map((r) => r.anchor);
      const template = (shape: 'single' | 'split') =>
        table3Rows(shape)
          .filter((r) => r.valued)
          .map((r) => r.anchor);
      assert.ok(
        [template('single'), template('split')].some((t) => JSON.stringify(t) === JSON.stringify(anchors)),
        `table 三 rows: ${anchors.join(' ')}`,
      );
      assert.equal(result.rows.filter((r) => r.table === '四').length, 1);
      for (const r of result.rows) {
        TableRowSchema.parse(r);
        if (r.status !== 'read') assert.ok(r.note && r.note.length > 10, `${r.anchor} needs a note`);
        if (r.table !== '二') assert.notEqual(r.status, 'unreadable', `${r.anchor}: ${r.note}`);
      }
      assert.equal(new Set(result.rows.map((r) => r.anchor)).size, result.rows.length, 'anchors are unique');
      assert.ok(!result.warnings.some((w) => w.code === 'table-not-found'));
    });

    it(`${e.file}: failed checks are exactly the report's own inconsistencies`, () => {
      const { result } = get(e.file);
      result.checks.forEach((c) => CheckSchema.parse(c));
      const failed = result.checks.filter((c) => !c.ok).map((c) => [c.rule, c.column, c.expected, c.actual]);
      assert.deepEqual(failed, KNOWN_INCONSISTENCIES[e.file] ?? []);
    });

    it(`${e.file}: spans lie inside their blocks and hold no part heading`, () => {
      const { blocks, result } = get(e.file);
      assert.equal(result.spans.length >= 3, true);
      for (const s of result.spans) {
        const block = blocks[s.block];
        assert.ok(block, `block ${s.block}`);
        if (block.type === 'table') {
          assert.equal(s.from, undefined);
          continue;
        }
        assert.ok(s.from !== undefined && s.to !== undefined && s.from < s.to && s.to <= block.text.length);
        const text = block.text.slice(s.from, s.to);
        assert.doesNotMatch(text, /[一二三四五六]、\s*(?:主动公开政府信息情况|收到和处理政府信息公开申请情况|存在的?主要问题)/);
      }
    });
  }
});

describe('pre-2019 reports', () => {
  it('carry no checks and no table 二/三/四 rows', () => {
    for (const e of MANIFEST.filter((m) => m.layout === 'pre-2019')) {
      const { result } = get(e.file);
      assert.deepEqual(result.checks, []);
      assert.ok(
        result.rows.every((r) => r.table === '统计表'),
        e.file,
      );
    }
  });
});
