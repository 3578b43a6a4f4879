import type { ReactNode } from 'react';

/** A page that failed: what the reader can do, never the error's details. `retry`: a way to try again, when there is one. */
export function ErrorNotice({ retry }: { retry?: ReactNode }) {
  return (
    <div className="space-y-4 py-8">
      <h1 className="text-2xl font-bold">页面出错了</h1>
      <p className="text-slate-700">处理这个页面时发生了错误。请重试，或返回首页。</p>
      <p className="flex gap-4">
        {retry}
        {/* A full load on purpose: the router state is what just failed. */}
        <a href="/" className="text-accent underline underline-offset-4">
          返回首页
        </a>
      </p>
    </div>
  );
}
