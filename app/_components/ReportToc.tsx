import type { ReportBlock } from '../_lib/report-layout';
import { TABLE_TITLES, tableAnchor } from './ReportTable';

export interface TocEntry {
  anchor: string;
  label: string;
  depth: number;
}

/** Parts, their sub-parts and the tables, in reading order. */
export function tocEntries(blocks: ReportBlock[]): TocEntry[] {
  return blocks.flatMap((block): TocEntry[] => {
    if (block.kind === 'table') return [{ anchor: tableAnchor(block.table), label: TABLE_TITLES[block.table], depth: 2 }];
    const { section } = block;
    return section.heading && section.depth <= 2 ? [{ anchor: section.anchor, label: section.heading, depth: section.depth }] : [];
  });
}

/** Table of contents: a drawer on phones, a sticky column from md up (globals.css `.drawer`). */
export function ReportToc({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <details className="drawer rounded-md border border-slate-200 md:sticky md:top-4 md:max-h-[calc(100vh-2rem)] md:overflow-y-auto md:border-0">
      <summary className="cursor-pointer px-3 py-2 font-medium">目录</summary>
      <nav aria-label="目录" className="px-3 pb-3 text-sm md:px-0">
        <ul className="space-y-1">
          {entries.map((entry) => (
            <li key={entry.anchor} className={entry.depth >= 2 ? 'pl-4' : ''}>
              <a href={`#${entry.anchor}`} className="text-accent underline-offset-4 hover:underline">
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
