import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block } from '@/lib/ingest/types';
import { withoutPageFurniture } from './page-furniture';

const text = (block: Block | undefined) => (block?.type === 'text' ? block.text : '');

describe('page furniture', () => {
  it('removes page numbers and the running head beside them, wherever they fall', () => {
    const printed = [
      'XX局2019年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度…',
      '- 1 -',
      'XX局2019年政府信息公开工作年度报告',
      '行政许可',
      '3',
      '— 2 —',
      'XX局2019年政府信息公开工作年度报告',
      '行政处罚',
      '第 3 页',
    ].join('\n');
    const { read, removed } = withoutPageFurniture([{ type: 'text', text: printed }], [{ type: 'text', text: printed }]);
    assert.equal(text(read[0]), ['XX局2019年政府信息公开工作年度报告', '一、总体情况', '本年度…', '行政许可', '3', '行政处罚', ''].join('\n'));
    assert.equal(removed, 5);
  });

  it('keeps a line that repeats elsewhere, and a lone number in a table', () => {
    const printed = '本年度共受理申请\n5\n件。\n共 1 - 2 项\n本年度共受理申请';
    const { read, removed } = withoutPageFurniture([{ type: 'text', text: printed }], [{ type: 'text', text: printed }]);
    assert.equal(text(read[0]), printed);
    assert.equal(removed, 0);
  });

  it('cuts the shown blocks at the same places', () => {
    const read: Block[] = [{ type: 'text', text: '甲\n- 1 -\n乙' }];
    const shown: Block[] = [{ type: 'text', text: '甲\n- 1 -\n乙' }];
    assert.equal(text(withoutPageFurniture(read, shown).shown[0]), '甲\n乙');
  });
});
