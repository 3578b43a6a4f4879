import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900 no-underline hover:text-accent">
          政府信息公开年度报告检索
        </Link>
        <nav aria-label="站点">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <Link href="/search" className="text-accent underline-offset-4 hover:underline">
                全部内容
              </Link>
            </li>
            <li>
              <Link href="/reports" className="text-accent underline-offset-4 hover:underline">
                全部报告
              </Link>
            </li>
            <li>
              <Link href="/compare" className="text-accent underline-offset-4 hover:underline">
                数字对比
              </Link>
            </li>
            <li>
              <Link href="/checks" className="text-accent underline-offset-4 hover:underline">
                数据质量
              </Link>
            </li>
            <li>
              {/* The JSON API is not a page: a plain link, never prefetched by the router. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
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
