import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Section } from '@/lib/report/schema';
import { headingLevels, type ReportBlock } from './report-layout';

const section = (depth: number, heading = `h${depth}`): ReportBlock => ({
  kind: 'section',
  section: { anchor: `s-${depth}`, headingPath: [heading], heading, depth, text: '', category: '总体情况' } satisfies Section,
});
const table: ReportBlock = { kind: 'table', table: '三', rows: [], checks: [] };

test('heading levels follow the report’s depth without skipping a level', () => {
  // preamble (no heading), 一、, 1. (a skipped （一）), table, 二、, （一）
  assert.deepEqual(headingLevels([section(0, ''), section(1), section(3), table, section(1), section(2)]), [null, 2, 3, 3, 2, 3]);
  // A report whose first heading is deep starts at h2; a table right after the title too.
  assert.deepEqual(headingLevels([section(3), section(4)]), [2, 3]);
  assert.deepEqual(headingLevels([table]), [2]);
});
