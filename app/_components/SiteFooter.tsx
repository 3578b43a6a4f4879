export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-slate-50 text-sm text-slate-600">
      <div className="mx-auto max-w-6xl px-4 py-6">
        <p>数据来自各机关公开发布的《政府信息公开工作年度报告》。表格数字按原文读取；无法确定的数字标为“无法读取”，由勾稽关系推得的标为“推算”，从不臆造。</p>
      </div>
    </footer>
  );
}
