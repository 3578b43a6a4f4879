/**
 * The questions readers ask most, one link each, and the measures they mean, listed first in
 * the picker. A preset names no year: a ranking takes the latest year that has the measure.
 */
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { measureById, type Measure } from './catalogue';
import { compareHref, type CompareSort } from './compare-params';

/** The measures people ask for, under the names they use. */
export const COMMON_MEASURES: ReadonlyArray<{ id: string; name: string }> = [
  { id: 't3-1.total', name: '新收申请' },
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

export interface Preset {
  question: string;
  measureId: string;
  sort: CompareSort;
  level?: string;
}

export const PRESETS: readonly Preset[] = [
  { question: '哪个区县不予公开的申请最多？（最新年度排名）', measureId: 't3-3-3.total', sort: 'value-desc', level: '区县级' },
  { question: '各地历年行政复议案件数（含 2019 年前）', measureId: 't4.review.total', sort: 'place' },
  { question: '各地历年行政诉讼案件数（含 2019 年前）', measureId: 'suits.total', sort: 'place' },
  { question: '哪里收到的公开申请最多？（最新年度排名）', measureId: 't3-1.total', sort: 'value-desc' },
  { question: '行政复议纠错率排名（最新年度）', measureId: 'review-correction-rate', sort: 'value-desc' },
];

export function presetHref(preset: Preset): string {
  return compareHref({
    measure: measureById(preset.measureId)!,
    filters: { ...DEFAULT_QUERY.filters, level: preset.level ? [preset.level] : [] },
    sort: preset.sort,
  });
}
