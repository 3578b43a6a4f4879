import type { Metadata } from 'next';
import Link from 'next/link';
import { QUALITY_FACETS, reportsWithIssues, type ReportWithIssues } from '@/lib/figures/quality';
import { UNMARKED } from '@/lib/report/schema';
import { searchEngine } from '@/lib/search/client';
import { FACETS } from '@/lib/index/facets';
import { parsePageSearchParams } from '@/lib/search/query-schema';
import { reportHref } from '@/lib/search/url';
import { facetValueLabel } from '@/lib/search/view';
import { Notices } from '../_components/Notices';
import { UnavailableNotice } from '../_components/UnavailableNotice';
import { formatCount } from '../_lib/format';
import { engineIsDown } from '../_lib/outage-server';
import { ReportQualityNotes } from './_components/ReportQualityNotes';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = { title: '数据质量：勾稽关系、正文表格不一致、报告信息缺失' };

/** Reports listed on one page; beyond that the reader narrows by year or place. */
const MAX_LISTED = 300;

async function firstReports(source: AsyncGenerator<ReportWithIssues>, limit: number): Promise<{ reports: ReportWithIssues[]; more: boolean }> {
  const reports: ReportWithIssues[] = [];
  for await (const report of source) {
    if (reports.length === limit) {
      await source.return(undefined);
      return { reports, more: true };
    }
    reports.push(report);
  }
  return { reports, more: false };
}

export default async function ChecksPage({ searchParams }: { searchParams: SearchParams }) {
  if (await engineIsDown()) return <UnavailableNotice />;
  const { query, notices } = parsePageSearchParams(await searchParams);
  const { reports, more } = await firstReports(reportsWithIssues(searchEngine(), query.filters), MAX_LISTED);
  const selected = FACETS.filter((facet) => (QUALITY_FACETS as readonly string[]).includes(facet.name)).flatMap((facet) =>
    query.filters[facet.name].map((value) => `${facet.label}：${facetValueLabel(facet.name, value)}`),
  );
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">数据质量</h1>
      <p className="max-w-3xl text-slate-700">
        年度报告的统计表有固定的勾稽关系（例如“第一项加第二项之和，等于第三项加第四项之和”）。这里列出表格数字不满足这些关系的报告，以及正文所述数字与表格不一致的报告。
        这些报告的数字在对比中会标为“勾稽不符”。还列出未能读出年度、发布机关或地区的报告：它们仍可检索，相应筛选项显示为“{UNMARKED}”。
      </p>
      <Notices notices={notices} />
      {selected.length > 0 && (
        <p className="text-sm">
          筛选：{selected.join('；')}{' '}
          <Link href="/checks" className="text-accent underline underline-offset-4">
            清除
          </Link>
        </p>
      )}
      <p className="font-medium" aria-live="polite">
        {more
          ? `超过 ${formatCount(MAX_LISTED)} 份报告有问题，这里列出前 ${formatCount(MAX_LISTED)} 份；请按年度或地区筛选（如 /checks?year=2024）。`
          : `${formatCount(reports.length)} 份报告有问题。`}
      </p>
      <ol className="space-y-6">
        {reports.map((report) => (
          <li key={report.reportId} data-report-id={report.reportId} className="space-y-2 border-t border-slate-200 pt-4">
            <h2 className="text-lg font-semibold">
              <Link href={reportHref(report.reportId)} className="text-accent underline-offset-4 hover:underline">
                {report.title}
              </Link>
            </h2>
            <p className="text-sm text-slate-600">
              {[
                report.year === null ? UNMARKED : `${report.year}年`,
                report.issuer,
                [report.province, report.city, report.district].filter(Boolean).join(' '),
                report.level,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <ReportQualityNotes reportId={report.reportId} quality={report} />
          </li>
        ))}
      </ol>
    </div>
  );
}
