import type { Figure } from '@/lib/figures/evaluate';
import { reportHref } from '@/lib/search/url';
import { figureText, tablesText, yearOnYearText } from '../_lib/figure-text';

/**
 * Marks on a figure a reader should look at twice. The badge text says what it is; `data-mark`
 * is for tests and styling.
 */
export function FigureMarks({ figure }: { figure: Figure }) {
  if (figure.value === null) return null;
  return (
    <>
      {figure.inferred && (
        <span
          data-mark="inferred"
          title="由勾稽关系推算：报告中这一格缺失或无法直接读取，只有这个数能使各项合计相符"
          className="ml-1 inline-block rounded border border-amber-500 bg-amber-50 px-1 text-xs leading-5 text-amber-900"
        >
          推算
        </span>
      )}
      {figure.older && (
        <span
          data-mark="older"
          title={figure.older}
          className="ml-1 inline-block rounded border border-violet-400 bg-violet-50 px-1 text-xs leading-5 text-violet-900"
        >
          旧表<span className="sr-only">：{figure.older}</span>
        </span>
      )}
      {figure.computed && (
        <span
          data-mark="computed"
          title={`本站计算：${figure.definition}`}
          className="ml-1 inline-block rounded border border-slate-400 bg-slate-50 px-1 text-xs leading-5 text-slate-700"
        >
          计算<span className="sr-only">：{figure.definition}</span>
        </span>
      )}
      {figure.failedTables.length > 0 && (
        <span
          data-mark="failed-checks"
          title={`${tablesText(figure.failedTables)}的勾稽关系未通过：表中数字彼此矛盾，这个数值可能有误`}
          className="ml-1 inline-block rounded border border-red-400 bg-red-50 px-1 text-xs leading-5 text-red-800"
        >
          勾稽不符
        </span>
      )}
    </>
  );
}

/**
 * A figure linked to the table row it comes from (for a rate, the first row it reads), or a
 * gap that says why there is no figure: never a 0 where nothing could be read.
 */
export function FigureValue({ reportId, figure }: { reportId: string; figure: Figure }) {
  const href = reportHref(reportId, figure.anchors[0] ? { anchor: figure.anchors[0] } : {});
  if (figure.value === null) {
    return (
      <a href={href} data-gap={figure.gap ?? undefined} className="text-sm text-slate-500 underline decoration-dotted underline-offset-4">
        <span aria-hidden="true">— </span>
        {figureText(figure)}
      </a>
    );
  }
  const compared = yearOnYearText(figure);
  return (
    <span className="whitespace-nowrap">
      <a href={href} data-value={figure.value} title={compared ?? undefined} className="text-accent underline-offset-4 hover:underline">
        {figureText(figure)}
      </a>
      <FigureMarks figure={figure} />
      {compared && <span className="block text-xs text-slate-500">{compared}</span>}
    </span>
  );
}
