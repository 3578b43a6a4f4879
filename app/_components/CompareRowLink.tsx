import { compareRowHref } from '@/lib/figures/row-measure';
import type { SearchHitView } from '@/lib/search/view';

/** "对比此项": a table-row hit's measure over the years for its report's issuer (/compare). */
export function CompareRowLink({ hit, className }: { hit: SearchHitView; className?: string }) {
  const href = compareRowHref({ table: hit.table, anchor: hit.anchor, path: hit.headingPath }, hit);
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
