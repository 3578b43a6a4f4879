/** The measures readers ask for most, under the names they use: first in the picker, and what typed words find first. */
import { measureById, type Measure } from './catalogue';

/** The measures people ask for, under the names they use. */
export const COMMON_MEASURES: ReadonlyArray<{ id: string; name: string }> = [
  { id: 't3-1.total', name: '新收申请' },
  { id: 'applications-yoy', name: '申请量同比' },
  { id: 't3-3-3.total', name: '不予公开合计' },
  { id: 't3-3-4.total', name: '无法提供合计' },
  { id: 't3-3-5.total', name: '不予处理合计' },
  { id: 't4.review.total', name: '行政复议总计' },
  { id: 'suits.total', name: '行政诉讼总计' },
  { id: 'review-correction-rate', name: '复议纠错率' },
  { id: 'suits-correction-rate', name: '诉讼纠错率' },
  { id: 'disclosure-rate', name: '公开率' },
];

export function commonMeasures(): Array<{ measure: Measure; name: string }> {
  return COMMON_MEASURES.map(({ id, name }) => ({ measure: measureById(id)!, name }));
}
