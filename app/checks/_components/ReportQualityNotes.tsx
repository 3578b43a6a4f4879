import { hasIssues, type ReportQuality } from '@/lib/report/quality';
import { reportHref } from '@/lib/search/url';
import { formatFigure } from '../../_lib/format';

function figure(value: number | null): string {
  return value === null ? '未知' : formatFigure(value);
}

/**
 * A report's own checks that fail (rule, column, the sum of the parts, the printed total, the
 * row) and the places where its text contradicts its tables. For /checks and for the report
 * page (`onReportPage`: row links stay on the page). Renders nothing for a clean report.
 */
export function ReportQualityNotes({ reportId, quality, onReportPage = false }: { reportId: string; quality: ReportQuality; onReportPage?: boolean }) {
  if (!hasIssues(quality)) return null;
  const rowHref = (anchor: string) => (onReportPage ? `#${anchor}` : reportHref(reportId, { anchor }));
  return (
    <div className="space-y-2 text-sm">
      {quality.missingMetadata.length > 0 && (
        <div role="note" className="rounded-md border border-slate-300 bg-slate-50 p-3">
          <p className="font-medium text-slate-900">报告信息缺失（仍可检索，相应筛选项显示为“未标明”）：</p>
          <ul className="list-disc space-y-1 pl-6">
            {quality.missingMetadata.map((warning, index) => (
              <li key={index} data-warning="metadata-missing">
                {warning.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {quality.failedChecks.length > 0 && (
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse" data-report={reportId}>
            <caption className="mb-1 text-left font-medium text-red-900">勾稽关系未通过 {quality.failedChecks.length} 项</caption>
            <thead>
              <tr className="bg-red-50">
                <th scope="col" className="border border-red-200 px-2 py-1 text-left">
                  表
                </th>
                <th scope="col" className="border border-red-200 px-2 py-1 text-left">
                  规则
                </th>
                <th scope="col" className="border border-red-200 px-2 py-1 text-left">
                  列
                </th>
                <th scope="col" className="border border-red-200 px-2 py-1 text-right">
                  各项之和（应为）
                </th>
                <th scope="col" className="border border-red-200 px-2 py-1 text-right">
                  表中合计（实为）
                </th>
                <th scope="col" className="border border-red-200 px-2 py-1 text-right">
                  相差
                </th>
                <th scope="col" className="border border-red-200 px-2 py-1 text-left">
                  表格行
                </th>
              </tr>
            </thead>
            <tbody>
              {quality.failedChecks.map((check, index) => (
                <tr key={index} data-rule={check.rule}>
                  <td className="border border-red-200 px-2 py-1">表{check.table}</td>
                  <td className="border border-red-200 px-2 py-1">
                    {check.description}
                    <span className="block text-xs text-slate-500">{check.rule}</span>
                  </td>
                  <td className="border border-red-200 px-2 py-1">{check.column}</td>
                  <td className="border border-red-200 px-2 py-1 text-right tabular-nums">{figure(check.expected)}</td>
                  <td className="border border-red-200 px-2 py-1 text-right tabular-nums">{figure(check.actual)}</td>
                  <td className="border border-red-200 px-2 py-1 text-right tabular-nums">
                    {check.difference === null ? '—' : formatFigure(check.difference)}
                  </td>
                  <td className="border border-red-200 px-2 py-1">
                    {check.anchor ? (
                      <a href={rowHref(check.anchor)} className="text-accent underline underline-offset-4">
                        查看该行
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {quality.mismatches.length > 0 && (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="font-medium text-amber-900">正文与表格不一致：</p>
          <ul className="list-disc space-y-1 pl-6">
            {quality.mismatches.map((mismatch, index) => (
              <li key={index} data-warning="text-table-mismatch">
                {mismatch.message}
                {mismatch.anchor && (
                  <>
                    {' '}
                    <a href={rowHref(mismatch.anchor)} className="text-accent underline underline-offset-4">
                      查看正文
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
