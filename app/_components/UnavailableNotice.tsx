/** The outage page's content: the engine is down, which is not the same as "no results". */
export function UnavailableNotice() {
  return (
    <div className="space-y-4 py-8">
      <h1 className="text-2xl font-bold">搜索服务暂时不可用</h1>
      <p className="max-w-2xl text-slate-700">检索引擎暂时无法响应，这不代表没有相关内容。请稍后刷新页面重试；如果问题持续，请联系本站维护者。</p>
      <p>
        <a href="/" className="text-accent underline underline-offset-4">
          返回首页
        </a>
      </p>
    </div>
  );
}
