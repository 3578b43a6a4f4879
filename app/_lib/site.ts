/** The site's name and description, in every page's title and metadata (both routers: app/layout.tsx, pages/_app.tsx). */
export const SITE_NAME = '政府信息公开年度报告检索';
export const SITE_DESCRIPTION = '检索各级政府及部门的政府信息公开工作年度报告：正文段落与统计表格行，按年度、地区、层级和公开类别筛选。';

/** A page's title as the browser shows it: the page's own, then the site's. */
export function pageTitle(title: string): string {
  return `${title} · ${SITE_NAME}`;
}
