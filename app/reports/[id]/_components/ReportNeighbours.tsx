import Link from 'next/link';
import type { IssuerReports } from '@/lib/figures/issuer-reports';
import { reportHref } from '@/lib/search/url';

/** The same body's previous and next year, and all its reports. */
export function ReportNeighbours({ reports, currentId, issuer }: { reports: IssuerReports; currentId: string; issuer: string }) {
  if (reports.all.length <= 1) return null;
  return (
    <nav aria-label={`${issuer}的其他年度报告`} className="space-y-1 text-sm">
      <p className="flex flex-wrap gap-x-4">
        {reports.previous && (
          <Link href={reportHref(reports.previous.reportId)} rel="prev" className="text-accent underline underline-offset-4">
            ← 上一年度（{reports.previous.year}年）
          </Link>
        )}
        {reports.next && (
          <Link href={reportHref(reports.next.reportId)} rel="next" className="text-accent underline underline-offset-4">
            下一年度（{reports.next.year}年）→
          </Link>
        )}
      </p>
      <details>
        <summary className="cursor-pointer text-slate-700">
          {issuer}的全部 {reports.all.length} 份报告
        </summary>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {reports.all.map((other) => (
            <li key={other.reportId}>
              {other.reportId === currentId ? (
                <span aria-current="page" className="font-semibold">
                  {other.year ?? '未标明'}年（本报告）
                </span>
              ) : (
                <Link href={reportHref(other.reportId)} className="text-accent underline underline-offset-4">
                  {other.year ?? '未标明'}年
                </Link>
              )}
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
