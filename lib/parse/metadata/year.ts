/**
 * The year a report reports on. Its title says it (`…2024年政府信息公开工作年度报告`, published
 * in 2025); failing that its statistics period (`统计期限自2019年1月1日起至2019年12月31日`), a
 * sentence naming the report or the year's work, the page's publishing date minus one (reports
 * come out in the first months of the next year), and last the file name.
 */
import type { MetaSource } from '@/lib/report/schema';
import { foldDigits, yearIn } from './years';

export interface FoundYear {
  year: number;
  source: MetaSource;
}

/** `统计期限/数据时限…自2019年1月1日起…`, or a period from 1 January to 31 December of one year. */
const STATISTICS_PERIOD = [
  /(?:统计|数据)(?:期限|时限|周期|时间|区间|范围|期间|时段)?[^。]{0,24}?((?:19|20)\d{2})年(?:1|01|一)月(?:1|01|一)日/,
  /((?:19|20)\d{2})年(?:1|01|一)月(?:1|01|一)日(?:起)?(?:至|到|-|—)\1年(?:12|十二)月(?:31|三十一)日/,
];
/** `现将2016年的政府信息公开工作情况报告如下`, `2019年度本机关政府信息公开工作情况如下`. */
const YEAR_OF_WORK = /(?:现将|现就)((?:19|20)\d{2})年度?[^。]{0,12}?(?:政府信息公开|政务公开|信息公开)/;

/** The year of a date as pages print it (`2020-01-02 09:08`, `2020年1月2日`, `2020/01/02`). */
function yearOfDate(date: string): number | null {
  const found = /((?:19|20)\d{2})\s*(?:[-/.年])/.exec(date);
  return found ? Number(found[1]) : null;
}

export interface YearInput {
  title: string | null;
  bodyText: string;
  /** Years of report titles found in sentences of the body (`现公布…2020年…年度报告`). */
  sentenceYears: number[];
  publishedAt: string | null;
  fileName: string;
}

function inRange(year: number | null): year is number {
  return year !== null && year >= 2000 && year <= 2100;
}

export function reportYear(input: YearInput): FoundYear | null {
  const fromTitle = input.title ? yearIn(input.title) : null;
  if (inRange(fromTitle)) return { year: fromTitle, source: 'title' };
  // Word's spans break dates over lines (`2019\n年\n1\n月`): read the body without whitespace.
  const compact = foldDigits(input.bodyText.replace(/\s+/g, ''));
  for (const pattern of STATISTICS_PERIOD) {
    const found = pattern.exec(compact);
    if (found && inRange(Number(found[1]))) return { year: Number(found[1]), source: 'statistics-period' };
  }
  const fromSentence = input.sentenceYears.find(inRange);
  if (fromSentence !== undefined) return { year: fromSentence, source: 'sentence' };
  const ofWork = YEAR_OF_WORK.exec(compact);
  if (ofWork && inRange(Number(ofWork[1]))) return { year: Number(ofWork[1]), source: 'body' };
  const published = input.publishedAt ? yearOfDate(input.publishedAt) : null;
  if (published !== null && inRange(published - 1)) return { year: published - 1, source: 'published-date' };
  const fromName = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(input.fileName);
  if (fromName && inRange(Number(fromName[1]))) return { year: Number(fromName[1]), source: 'file-name' };
  return null;
}
