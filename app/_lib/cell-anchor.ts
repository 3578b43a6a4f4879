import type { TableRow } from '@/lib/report/schema';

/** Stable cell anchor: the row's anchor and the column's place in the table (1-based), whatever the layout on the page. */
export function cellAnchor(row: TableRow, columnIndex: number): string {
  return `${row.anchor}-c${columnIndex + 1}`;
}
