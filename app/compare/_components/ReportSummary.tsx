import type { ParsedReport } from '@/lib/report/schema';
import { SearchUnavailableError } from '@/lib/search/errors';
import { searchEngine } from '@/lib/search/client';
import { reportHref } from '@/lib/search/url';
import { compareHref } from '@/lib/figures/compare-params';
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { loadReportSummary, summarize, type ReportSummary as Summary, type SummaryItem } from '@/lib/figures/summary';
import { tablesOfReport } from '@/lib/figures/report-tables';
import { changeText, figureText } from '../_lib/figure-text';
import { FigureMarks, FigureValue } from './FigureValue';

function Change({ item, summary }: { item: SummaryItem; summary: Summary }) {
  if (!summary.previous || !item.previous) return null;
  if (item.definitionChanged) return <span className="block text-xs text-violet-800">与 {summary.previous.year} 年口径不同，不作比较</span>;
  if (item.change === null) {
    return (
      <span className="block text-xs text-slate-500">
        {summary.previous.year} 年：{figureText(item.previous)}
      </span>
    );
  }
  return (
    <span className="block text-xs text-slate-600">
      较 {summary.previous.year} 年（
      <a
        href={reportHref(summary.previous.reportId, item.previous.anchors[0] ? { anchor: item.previous.anchors[0] } : {})}
        className="underline underline-offset-2"
      >
        {figureText(item.previous)}
      </a>
      <FigureMarks figure={item.previous} />）{changeText(item.change, item.measure.isRate)}
    </span>
  );
}

/** Trend of this measure for this issuer, all years. */
function trendHref(item: SummaryItem, report: ParsedReport['report']): string {
  return compareHref({
    measure: item.measure,
    filters: { ...DEFAULT_QUERY.filters, issuer: report.issuer ? [report.issuer] : [], province: report.province ? [report.province] : [] },
    sort: 'place',
  });
}

/**
 * Key figures of a report with the change from the same issuer's previous year, for the
 * report page (server component). Each figure links to its table row. Nothing is rendered for
 * a report without tables 三 and 四 nor a 统计表 row they map to.
 */
export async function ReportSummary({ report }: { report: ParsedReport }) {
  let summary: Summary;
  let note: string | null = null;
  let previousUnknown = false;
  try {
    summary = await loadReportSummary(searchEngine(), report);
    note = summary.previousNote;
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    // The figures are the report's own; only the year before needs the engine.
    summary = summarize({ reportId: report.report.id, year: report.report.year, tables: tablesOfReport(report) }, []);
    note = '上一年度的数据暂时无法读取，未作比较。';
    previousUnknown = true;
  }
  // A pre-2019 report shows the figures its 统计表 maps to; the others are not in its format.
  // A change from the previous year is left out while that year cannot be read (it is not known to be missing).
  const items = summary.items.filter(
    (item) => (report.report.layout !== 'pre-2019' || item.figure.definition !== null) && !(previousUnknown && item.measure.yearOnYearOf),
  );
  if (items.every((item) => item.figure.gap === 'missing-row')) return null;
  return (
    <section aria-labelledby="summary-title" className="space-y-2 rounded-md border border-slate-200 p-4">
      <h2 id="summary-title" className="text-lg font-semibold">
        主要数字
        {summary.previous && <span className="ml-2 text-sm font-normal text-slate-600">（与 {summary.previous.year} 年对比）</span>}
      </h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3">
        {items.map((item) => (
          <div key={item.measure.id} data-measure={item.measure.id}>
            <dt className="text-sm text-slate-600">
              <a href={trendHref(item, report.report)} className="underline-offset-2 hover:underline" title={`${item.measure.label}：查看历年趋势`}>
                {item.label}
              </a>
            </dt>
            <dd className="text-lg tabular-nums">
              <FigureValue reportId={summary.reportId} figure={item.figure} />
              <Change item={item} summary={summary} />
            </dd>
          </div>
        ))}
      </dl>
      {note && <p className="text-sm text-slate-600">{note}</p>}
    </section>
  );
}
