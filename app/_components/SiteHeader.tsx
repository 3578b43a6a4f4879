/**
 * The site's header, on the pages of both routers (app/, and pages/search.tsx). Its links load
 * the document: a client-side navigation from one router to a page of the other costs a second
 * request (the router asks for its own data, gets the other's page, then loads it anyway).
 */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
        <a href="/" className="text-lg font-semibold text-slate-900 no-underline hover:text-accent">
          政府信息公开年度报告检索
        </a>
        <nav aria-label="站点">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <a href="/search" className="text-accent underline-offset-4 hover:underline">
                全部内容
              </a>
            </li>
            <li>
              <a href="/reports" className="text-accent underline-offset-4 hover:underline">
                全部报告
              </a>
            </li>
            <li>
              <a href="/compare" className="text-accent underline-offset-4 hover:underline">
                数字对比
              </a>
            </li>
            <li>
              <a href="/checks" className="text-accent underline-offset-4 hover:underline">
                数据质量
              </a>
            </li>
            <li>
              <a href="/api/search" className="text-accent underline-offset-4 hover:underline">
                JSON 接口
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
