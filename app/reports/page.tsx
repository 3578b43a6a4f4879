import type { Metadata } from 'next';
import { InvalidParameterError } from '@/lib/search/errors';
import { searchEngine } from '@/lib/search/client';
import { loadReportList } from '@/lib/figures/report-list';
import { parseReportListParams, REPORT_LIST_PATH, REPORTS_PER_PAGE } from '@/lib/figures/report-list-params';
import { UnavailableNotice } from '../_components/UnavailableNotice';
import { formatCount } from '../_lib/format';
import { engineIsDown } from '../_lib/outage-server';
import { ReportListFilters } from './_components/ReportListFilters';
import { ReportListPages } from './_components/ReportListPages';
import { ReportsByPlace } from './_components/ReportsByPlace';

export const metadata: Metadata = { title: '全部报告' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A parameter the list cannot read: the proxy has already set the 400 (proxy.ts); the page says which and why. */
function InvalidParameter({ error }: { error: InvalidParameterError }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">全部报告</h1>
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-2 text-red-900">
        参数 {error.parameter} 无效：应为{error.detail}。
      </p>
      <p>
        <a href={REPORT_LIST_PATH} className="text-accent underline underline-offset-4">
          查看全部报告
        </a>
      </p>
    </div>
  );
}

/** Every report, by place and year, filtered by province, city, level and year (server-rendered; works without JavaScript). */
export default async function ReportListPage({ searchParams }: { searchParams: SearchParams }) {
  if (await engineIsDown()) return <UnavailableNotice />;
  let query;
  try {
    query = parseReportListParams(await searchParams);
  } catch (error) {
    if (error instanceof InvalidParameterError) return <InvalidParameter error={error} />;
    throw error;
  }
  const list = await loadReportList(searchEngine(), query);
  const first = (query.page - 1) * REPORTS_PER_PAGE + 1;
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">全部报告</h1>
        <p className="text-slate-700">共 {formatCount(list.total)} 份报告，按地区（省 › 市 › 区县 › 发布机关）和年度排列；未写明年度或地区的列在“未标明”下。</p>
      </div>
      <ReportListFilters list={list} />
      {list.reports.length === 0 ? (
        <p role="status">{list.total === 0 ? '没有符合条件的报告。请放宽筛选条件。' : '这一页没有报告：页码超出了范围。'}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600" aria-live="polite">
            第 {formatCount(first)}–{formatCount(first + list.reports.length - 1)} 份
          </p>
          <ReportsByPlace reports={list.reports} />
        </>
      )}
      <ReportListPages list={list} />
    </div>
  );
}
