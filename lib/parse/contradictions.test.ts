import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Section, TableRow } from '@/lib/report/schema';
import { textTableMismatches } from './contradictions';

function section(anchor: string, text: string): Section {
  return { anchor, headingPath: ['一、总体情况'], heading: '一、总体情况', depth: 1, text, category: '总体情况' };
}

function t3(anchor: string, total: number, status: TableRow['status'] = 'read'): TableRow {
  return {
    table: '三',
    path: [anchor],
    label: anchor,
    values: { 自然人: total, 总计: total },
    units: {},
    status,
    note: null,
    raw: '',
    anchor,
    category: '依申请公开',
  };
}

const table = [t3('t3-1', 74), t3('t3-2', 1), t3('t3-3-7', 72)];

describe('textTableMismatches', () => {
  it('accepts a figure that counts new requests, new plus carried over, or all handled', () => {
    const text = '全年新收政府信息公开申请74件。共收到政府信息公开申请75件。本年度受理政府信息公开申请 72 件，上年结转政府信息公开申请1件。';
    assert.deepEqual(textTableMismatches([section('part-1', text)], table), []);
  });

  it('warns with both figures, the sentence and the section when none agrees', () => {
    const warnings = textTableMismatches([section('part-1-2', '2024年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。')], table);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.code, 'text-table-mismatch');
    assert.equal(warnings[0]!.anchor, 'part-1-2');
    assert.match(warnings[0]!.message, /^正文称收到政府信息公开申请 17 件，与表三不符（一、本年新收 = 74，一 \+ 二 = 75，三（七）总计 = 72）：/);
    assert.match(warnings[0]!.message, /“2024年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。”/);
  });

  it('checks the carried-over figure against row 二', () => {
    const warnings = textTableMismatches([section('part-1', '上年结转政府信息公开申请 3 件。')], table);
    assert.match(warnings[0]?.message ?? '', /^正文称上年结转政府信息公开申请 3 件，与表三不符（二、上年结转 = 1）：/);
  });

  it('says nothing without a readable table 三', () => {
    const text = '受理政府信息公开申请 17 件。';
    assert.deepEqual(textTableMismatches([section('part-1', text)], []), []);
    assert.deepEqual(textTableMismatches([section('part-1', text)], [t3('t3-1', 95, 'unreadable')]), []);
  });
});
