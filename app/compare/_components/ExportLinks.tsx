import { compareExportHref, type CompareQuery } from '@/lib/figures/compare-params';

/** Downloads of the whole comparison (every place, not only those on the page). */
export function ExportLinks({ query }: { query: CompareQuery }) {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <span className="text-slate-600">下载全部数据：</span>
      <a href={compareExportHref(query, 'csv')} download data-export="csv" className="text-accent underline underline-offset-4">
        CSV（Excel 可直接打开）
      </a>
      <a href={compareExportHref(query, 'json')} download data-export="json" className="text-accent underline underline-offset-4">
        JSON
      </a>
    </p>
  );
}
