import { compareRowHref } from '@/lib/figures/row-measure';
import type { SearchHitView } from '@/lib/search/view';
import type { CompareHrefs } from '../_components/CompareRowLink';

/** The comparison link of each of these hits that is a table row with a measure (on the server: see CompareHrefs). */
export function compareHrefsOf(hits: readonly SearchHitView[]): CompareHrefs {
  return Object.fromEntries(
    hits.flatMap((hit) => {
      const href = hit.kind === 'row' ? compareRowHref({ table: hit.table, anchor: hit.anchor, path: hit.headingPath }, hit) : null;
      return href ? [[hit.id, href]] : [];
    }),
  );
}
