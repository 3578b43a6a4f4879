import { UNMARKED } from '@/lib/report/schema';
import type { ListedReport } from '@/lib/figures/report-list';
import { formatPlace } from '../../_lib/format';

interface IssuerReports {
  key: string;
  first: ListedReport;
  reports: ListedReport[];
}

/** Consecutive reports of one issuer of one place (the list comes in place order) as one entry. */
function byIssuer(reports: readonly ListedReport[]): IssuerReports[] {
  const entries: IssuerReports[] = [];
  for (const report of reports) {
    const key = JSON.stringify([report.province, report.city, report.district, report.issuer]);
    const last = entries.at(-1);
    if (last?.key === key) last.reports.push(report);
    else entries.push({ key, first: report, reports: [report] });
  }
  return entries;
}

function byProvince(entries: readonly IssuerReports[]): Array<{ province: string; entries: IssuerReports[] }> {
  const groups: Array<{ province: string; entries: IssuerReports[] }> = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last?.province === entry.first.province) last.entries.push(entry);
    else groups.push({ province: entry.first.province, entries: [entry] });
  }
  return groups;
}

/** The page's reports under their province, one entry per issuer with a link per year. */
export function ReportsByPlace({ reports }: { reports: readonly ListedReport[] }) {
  return (
    <div className="space-y-6">
      {byProvince(byIssuer(reports)).map(({ province, entries }) => (
        <section key={province} aria-labelledby={`province-${province}`} className="space-y-2">
          <h2 id={`province-${province}`} className="border-b border-slate-200 pb-1 text-lg font-semibold">
            {province === UNMARKED ? '未标明地区' : province}
          </h2>
          <ul className="divide-y divide-slate-100">
            {entries.map(({ key, first, reports: own }) => (
              <li key={key} data-issuer={first.issuer} className="space-y-1 py-2">
                <p className="font-medium break-words">{first.issuer}</p>
                <p className="text-sm text-slate-600">
                  {formatPlace(first) || UNMARKED}
                  {first.level && ` · ${first.level}`}
                </p>
                <ul aria-label={`${first.issuer}的报告`} className="flex flex-wrap gap-x-3 gap-y-1">
                  {own.map((report) => (
                    <li key={report.reportId}>
                      <a href={report.url} title={report.title} data-report={report.reportId} className="text-accent underline-offset-4 hover:underline">
                        {report.year === null ? '年度未标明' : `${report.year}年`}
                        <span className="sr-only">：{report.title}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
