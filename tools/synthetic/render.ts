/**
 * A synthetic report as the HTML page a government site would publish: TRS metadata, headings
 * and paragraphs, and tables 二–四 laid out cell for cell as the real 2019+ pages print them
 * (group rows, rowspan/colspan headers), so that the real ingest and parser read them.
 */
import { T3_COLUMNS, T4_GROUPS, T4_OUTCOMES, table2Groups, table3Rows, type TemplateRow } from '@/lib/parse/tables/templates';
import type { SyntheticReport, SyntheticSection } from './compose';
import type { NationalLayout, ReportFigures, TableFigures } from './figures';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cell(text: string | number, span: { rows?: number; cols?: number } = {}): string {
  const rowspan = span.rows && span.rows > 1 ? ` rowspan="${span.rows}"` : '';
  const colspan = span.cols && span.cols > 1 ? ` colspan="${span.cols}"` : '';
  return `<td${rowspan}${colspan}>${escape(String(text))}</td>`;
}

const tr = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
const table = (rows: string[]) => `<table border="1" cellspacing="0"><tbody>${rows.join('')}</tbody></table>`;

function table2(layout: NationalLayout, figures: TableFigures): string {
  const rows: string[] = [];
  for (const group of table2Groups(layout)) {
    rows.push(tr([cell(group.label, { cols: group.columns.length + 1 })]));
    const headers = group.columns.map((column) => (group.headerUnits[column] === '万元' ? `${column}（单位：万元）` : column));
    rows.push(tr([cell('信息内容'), ...headers.map((header) => cell(header))]));
    for (const row of group.rows) rows.push(tr([cell(row.path.at(-1)!), ...group.columns.map((column) => cell(figures[row.anchor]![column]!))]));
  }
  return table(rows);
}

const values = (figures: TableFigures, anchor: string) => T3_COLUMNS.map((column) => cell(figures[anchor]![column]!));

/** Rows of table 三 under a group heading row (the group's label spans them). */
function childrenOf(rows: readonly TemplateRow[], parent: string): TemplateRow[] {
  return rows.filter((row) => row.parent === parent);
}

function table3(layout: NationalLayout, figures: TableFigures): string {
  const template = table3Rows(layout === '2021' ? 'split' : 'single');
  const rows = [
    tr([cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rows: 3, cols: 3 }), cell('申请人情况', { cols: 7 })]),
    tr([cell('自然人', { rows: 2 }), cell('法人或其他组织', { cols: 5 }), cell('总计', { rows: 2 })]),
    tr(T3_COLUMNS.slice(1, 6).map((column) => cell(column))),
  ];
  const outcomes = childrenOf(template, 't3-3');
  // The 三、本年度办理结果 cell spans every outcome row, the groups' rows included.
  const outcomeRows = outcomes.reduce((count, row) => count + (row.valued ? 1 : childrenOf(template, row.anchor).length), 0);
  for (const row of template.filter((row) => row.parent === null)) {
    const label = row.path.at(-1)!;
    if (row.valued) {
      rows.push(tr([cell(label, { cols: 3 }), ...values(figures, row.anchor)]));
      continue;
    }
    outcomes.forEach((outcome, index) => {
      const lead = index === 0 ? [cell(label, { rows: outcomeRows })] : [];
      if (outcome.valued) {
        rows.push(tr([...lead, cell(outcome.path.at(-1)!, { cols: 2 }), ...values(figures, outcome.anchor)]));
        return;
      }
      const reasons = childrenOf(template, outcome.anchor);
      reasons.forEach((reason, reasonIndex) => {
        const group = reasonIndex === 0 ? [cell(outcome.path.at(-1)!, { rows: reasons.length })] : [];
        rows.push(tr([...(reasonIndex === 0 ? lead : []), ...group, cell(reason.path.at(-1)!), ...values(figures, reason.anchor)]));
      });
    });
  }
  return table(rows);
}

function table4(figures: Record<string, number>): string {
  const [review, ...lawsuits] = T4_GROUPS;
  return table([
    tr([cell(review, { cols: 5 }), cell('行政诉讼', { cols: 10 })]),
    tr([...T4_OUTCOMES.map((outcome) => cell(outcome, { rows: 2 })), ...lawsuits.map((group) => cell(group, { cols: 5 }))]),
    tr(lawsuits.flatMap(() => T4_OUTCOMES.map((outcome) => cell(outcome)))),
    tr(T4_GROUPS.flatMap((group) => T4_OUTCOMES.map((outcome) => cell(figures[`${group}/${outcome}`]!)))),
  ]);
}

function tableOfPart(part: number, layout: NationalLayout, figures: ReportFigures): string | null {
  if (part === 2) return table2(layout, figures.table2);
  if (part === 3) return table3(layout, figures.table3);
  if (part === 4) return table4(figures.table4);
  return null;
}

function sectionHtml(section: SyntheticSection): string[] {
  return [`<p>${escape(section.heading)}</p>`, ...section.paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`)];
}

export function renderReportHtml(report: SyntheticReport): string {
  const body: string[] = [];
  const { figures, layout } = report;
  let openPart: number | null = null;
  const closePart = () => {
    if (openPart === null || !figures || layout === 'pre-2019') return;
    const html = tableOfPart(openPart, layout, figures);
    if (html) body.push(html);
  };
  for (const section of report.sections) {
    // A table closes its part: it goes before the next top-level heading.
    if (section.depth === 1) {
      closePart();
      openPart = section.part;
    }
    body.push(...sectionHtml(section));
  }
  closePart();
  const title = escape(report.title);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta name="ArticleTitle" content="${title}">`,
    `<meta name="ContentSource" content="${escape(report.issuer.issuer)}">`,
    `<title>${title}</title></head>`,
    `<body><div class="article"><h1>${title}</h1>`,
    ...body,
    '</div></body></html>',
    '',
  ].join('\n');
}
