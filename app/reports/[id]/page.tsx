import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { publicOrigin } from '@/lib/figures/download';
import { loadIssuerReports } from '@/lib/figures/issuer-reports';
import { notFound } from 'next/navigation';
import { searchEngine } from '@/lib/search/client';
import { reportWordsToMark } from '@/lib/search/query';
import { parsePageSearchParams, DEFAULT_QUERY } from '@/lib/search/query-schema';
import { reportHref, searchHref } from '@/lib/search/url';
import { ReportMeta } from '../../_components/ReportMeta';
import { ReportSection } from '../../_components/ReportSection';
import { ReportTable } from '../../_components/ReportTable';
import { ReportToc, tocEntries } from '../../_components/ReportToc';
import { headingLevels, reportBlocks } from '../../_lib/report-layout';
import { loadReport } from '../../_lib/reports';
import { engineIsDown } from '../../_lib/outage-server';
import { UnavailableNotice } from '../../_components/UnavailableNotice';
import { ReportSummary } from '../../compare/_components/ReportSummary';
import { ReportQualityNotes } from '../../checks/_components/ReportQualityNotes';
import { qualityOf } from '@/lib/report/quality';
import { accessDate, ReportCitation } from './_components/ReportCitation';
import { SearchBreadcrumb } from './_components/SearchBreadcrumb';
import { ReportNeighbours } from './_components/ReportNeighbours';

interface ReportPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ReportPageProps): Promise<Metadata> {
  if (await engineIsDown()) return { title: '搜索服务暂时不可用' };
  const parsed = await loadReport((await params).id);
  return { title: parsed ? parsed.report.title : '找不到这份报告' };
}

function HighlightNotice({ id, q, words }: { id: string; q: string; words: string[] }) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm">
      <span>
        {words.length > 0 ? (
          <>
            已高亮“{q}”的匹配：<mark>{words.join('、')}</mark>
          </>
        ) : (
          <>本报告中没有“{q}”的匹配。</>
        )}
      </span>
      <Link href={reportHref(id)} className="text-accent underline underline-offset-4">
        取消高亮
      </Link>
      <a href={searchHref({ ...DEFAULT_QUERY, q })} className="text-accent underline underline-offset-4">
        搜索全部报告中的“{q}”
      </a>
    </div>
  );
}

export default async function ReportPage({ params, searchParams }: ReportPageProps) {
  if (await engineIsDown()) return <UnavailableNotice />;
  const { id } = await params;
  // The search that led here (q is highlighted; the rest is the way back), read as /search reads
  // it: a bad value is dropped, a 5,000-character q is cut.
  const { query: from } = parsePageSearchParams(await searchParams);
  const { q } = from;
  const [parsed, words] = await Promise.all([loadReport(id), reportWordsToMark(searchEngine(), id, q)]);
  if (!parsed) notFound();
  const blocks = reportBlocks(parsed);
  const levels = headingLevels(blocks);
  const neighbours = await loadIssuerReports(searchEngine(), parsed.report);
  const origin = publicOrigin(await headers(), 'http://localhost');
  const pageUrl = new URL(reportHref(id), origin).href;
  return (
    <article aria-labelledby="report-title" className="space-y-6">
      <header className="space-y-3">
        <SearchBreadcrumb from={from} />
        <h1 id="report-title" className="text-2xl font-bold">
          {parsed.report.title}
        </h1>
        {parsed.report.synthetic && (
          <p role="note" className="rounded-md border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900">
            这是为测试生成的合成报告，不是真实的政府文件。
          </p>
        )}
        <ReportMeta parsed={parsed} />
        {parsed.report.issuer && <ReportNeighbours reports={neighbours} currentId={id} issuer={parsed.report.issuer} />}
        <ReportSummary report={parsed} />
        <ReportQualityNotes reportId={parsed.report.id} quality={qualityOf(parsed)} onReportPage />
        {q && <HighlightNotice id={id} q={q} words={words} />}
      </header>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-[14rem_1fr]">
        <aside aria-label="目录">
          <ReportToc entries={tocEntries(blocks)} />
        </aside>
        <div className="min-w-0 space-y-6">
          {blocks.map((block, index) =>
            block.kind === 'section' ? (
              <ReportSection key={block.section.anchor} section={block.section} level={levels[index] ?? null} words={words} />
            ) : (
              <ReportTable
                key={block.table}
                table={block.table}
                rows={block.rows}
                checks={block.checks}
                words={words}
                place={parsed.report}
                level={levels[index] ?? 3}
              />
            ),
          )}
          {parsed.duplicates.length > 0 && (
            <section aria-labelledby="duplicates-title" className="space-y-2">
              <h2 id="duplicates-title" className="text-lg font-semibold">
                内容相同或相近的报告
              </h2>
              <ul className="list-disc pl-6">
                {parsed.duplicates.map((duplicate) => (
                  <li key={duplicate.id}>
                    <Link href={reportHref(duplicate.id)} className="text-accent underline underline-offset-4">
                      {duplicate.id}
                    </Link>{' '}
                    <span className="text-sm text-slate-600">相似度 {Math.round(duplicate.similarity * 100)}%</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ReportCitation report={parsed.report} pageUrl={pageUrl} accessed={accessDate()} />
          {parsed.warnings.length > 0 && (
            <details className="print-hidden rounded-md border border-slate-200 p-3 text-sm">
              <summary className="cursor-pointer font-medium">解析提示（{parsed.warnings.length}）</summary>
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {parsed.warnings.map((warning, index) => (
                  <li key={index}>
                    {warning.message}
                    {warning.anchor && (
                      <>
                        {' '}
                        <a href={`#${warning.anchor}`} className="text-accent underline underline-offset-4">
                          查看
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
    </article>
  );
}
