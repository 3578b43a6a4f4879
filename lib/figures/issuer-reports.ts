/**
 * Every report of a report's issuer (same issuer, province, city and district), by year: the
 * report page's links to the previous and next year and to all of that body's reports.
 */
import type { ParsedReport } from '@/lib/report/schema';
import type { ReportDocument } from '@/lib/index/document';
import type { SearchEngine } from '@/lib/search/query-engine';
import { searchPages } from './scan';
import { samePlaceFilter } from './summary';

export type IssuerReport = Pick<ReportDocument, 'reportId' | 'year' | 'title'>;

export interface IssuerReports {
  all: IssuerReport[];
  /** The nearest earlier and later years that have a report (several reports of one year: each listed in `all`). */
  previous: IssuerReport | null;
  next: IssuerReport | null;
}

const FIELDS = ['reportId', 'year', 'title'] as const;
const PAGE_SIZE = 200;

export async function loadIssuerReports(engine: SearchEngine, report: ParsedReport['report']): Promise<IssuerReports> {
  if (report.issuer === null) return { all: [], previous: null, next: null };
  const all: IssuerReport[] = [];
  const search = { indexUid: engine.indexes.reports, q: '', filter: samePlaceFilter(report), sort: ['year:asc'] };
  for await (const page of searchPages<IssuerReport>(engine, search, FIELDS, PAGE_SIZE)) all.push(...page);
  const year = report.year;
  const dated = all.filter((other) => other.year !== null && other.reportId !== report.id);
  const previous = year === null ? null : (dated.filter((other) => other.year! < year).at(-1) ?? null);
  const next = year === null ? null : (dated.find((other) => other.year! > year) ?? null);
  return { all, previous, next };
}
