import type { SearchHitView } from '@/lib/search/view';

/**
 * The comparison link of each table-row hit that is a measure, by hit id. Worked out on the
 * server (app/_lib/compare-hrefs.ts, from pages/search.tsx), so that the measures' catalogue and
 * the comparison's parameters stay out of the search page's browser bundle.
 */
export type CompareHrefs = Readonly<Record<string, string>>;

/** "对比此项": a table-row hit's measure over the years for its report's issuer (/compare); nothing when the row is no measure. */
export function CompareRowLink({ hit, href, className }: { hit: SearchHitView; href: string | undefined; className?: string }) {
  if (!href) return null;
  return (
    <a href={href} data-compare-row={hit.anchor} className={`text-sm text-accent underline underline-offset-4 ${className ?? ''}`}>
      对比此项
      <span className="sr-only">
        ：{hit.issuer}历年的“{hit.heading}”
      </span>
    </a>
  );
}
