/**
 * The rows of the pre-2019 统计表 that count what a later table counts (domain.md, "Pre-2019
 * statistics and the later tables"). The table has no fixed anchors (its rows are numbered
 * `ts-1`, `ts-2` … as printed), so a row is recognised by its label; each recognised row gets a
 * key (`ts:review`) that the catalogue's pre-2019 variants read. Only the 本年度 column is read:
 * 历年累计 is a running total.
 */
import { present } from '@/lib/errors';

export type StatisticsKey = 'ts:received' | 'ts:granted' | 'ts:partly' | 'ts:refused' | 'ts:review' | 'ts:suit';

interface StatisticsRow {
  key: StatisticsKey;
  /** The usual wording, for the definition shown beside a mapped figure. */
  wording: string;
  /** A top-level row of the table, or a sub-row (1./2./3. under 对申请的答复数). */
  level: 'top' | 'sub';
  /** Matches the label without its number (`1、`) and spaces. */
  pattern: RegExp;
}

export const STATISTICS_ROWS: readonly StatisticsRow[] = [
  // 受理依申请公开信息总数 · 受理政府信息依申请公开总数 · 收到申请数 · 申请总数; never 对申请的答复总数.
  { key: 'ts:received', wording: '受理依申请公开信息总数（申请总数）', level: 'top', pattern: /^(?!.*答复)(?:受理|收到)?.*申请.*(?:总数|申请数)$/ },
  { key: 'ts:granted', wording: '同意公开答复数', level: 'sub', pattern: /^(?:同意|予以)公开(?:答复)?数$/ },
  { key: 'ts:partly', wording: '同意部分公开答复数', level: 'sub', pattern: /^(?:同意)?部分公开(?:答复)?数$/ },
  { key: 'ts:refused', wording: '不予公开答复数（否决、不同意公开）', level: 'sub', pattern: /^(?:不予|不同意|否决)公开(?:答复)?数$/ },
  { key: 'ts:review', wording: '行政复议数', level: 'top', pattern: /^(?:政府信息公开)?行政复议(?:案件)?数$/ },
  { key: 'ts:suit', wording: '行政诉讼数', level: 'top', pattern: /^(?:政府信息公开)?行政诉讼(?:案件)?数$/ },
];

export const STATISTICS_COLUMN = '本年度';

const NUMBERING = /^(?:其中[:：])?\d{1,2}[.、．]/;

/** The key of a 统计表 row by its label path (`['对申请的答复数', '3.否决公开答复数']`), or null. */
export function statisticsKey(path: readonly string[]): StatisticsKey | null {
  const label = (path.at(-1) ?? '').replace(/\s+/g, '').replace(NUMBERING, '');
  const level = path.length > 1 ? 'sub' : 'top';
  return STATISTICS_ROWS.find((row) => row.level === level && row.pattern.test(label))?.key ?? null;
}

export function statisticsWording(key: StatisticsKey): string {
  return present(
    STATISTICS_ROWS.find((row) => row.key === key),
    `the statistics row ${key}`,
  ).wording;
}
