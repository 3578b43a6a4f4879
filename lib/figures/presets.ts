/**
 * The questions readers ask most, one link each. A preset names no year: a ranking takes the
 * latest year that has the measure.
 */
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { measureById } from './catalogue';
import { compareHref, type CompareSort } from './compare-params';

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
  { question: '哪里的公开申请增长最快？（申请量同比，最新年度排名）', measureId: 'applications-yoy', sort: 'value-desc' },
  { question: '行政复议纠错率排名（最新年度）', measureId: 'review-correction-rate', sort: 'value-desc' },
];

export function presetHref(preset: Preset): string {
  return compareHref({
    measure: measureById(preset.measureId)!,
    filters: { ...DEFAULT_QUERY.filters, level: preset.level ? [preset.level] : [] },
    sort: preset.sort,
  });
}
