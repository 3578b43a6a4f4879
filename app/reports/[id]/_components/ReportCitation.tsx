import type { ReportMeta } from '@/lib/report/schema';

/** The date a reader saw the page, in China's time zone: 2026年12月3日. */
export function accessDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(now);
}

/**
 * A ready citation (issuer, title, year, the page's address, the access date), and, printed at
 * the end of the page only, where the printout came from.
 */
export function ReportCitation({ report, pageUrl, accessed }: { report: ReportMeta; pageUrl: string; accessed: string }) {
  const citation = `${report.issuer ?? '发布机关未标明'}：《${report.title}》（${report.year === null ? '年度未标明' : `${report.year}年度`}）。${pageUrl}，访问日期：${accessed}。`;
  return (
    <>
      <section aria-labelledby="cite-title" className="space-y-1 rounded-md border border-slate-200 p-3 text-sm">
        <h2 id="cite-title" className="font-semibold">
          引用
        </h2>
        <p data-citation className="break-all select-all">
          {citation}
        </p>
        {report.sourceUrl && (
          <p className="break-all text-slate-600">
            原文：
            <a href={report.sourceUrl} rel="noopener noreferrer nofollow" className="text-accent underline underline-offset-4">
              {report.sourceUrl}
            </a>
          </p>
        )}
      </section>
      <footer className="print-only border-t border-slate-300 pt-2 text-xs" data-print-footer>
        <p className="break-all">本页地址：{pageUrl}</p>
        <p>访问日期：{accessed}</p>
        <p className="break-all">原文链接：{report.sourceUrl ?? '未注明'}</p>
      </footer>
    </>
  );
}
