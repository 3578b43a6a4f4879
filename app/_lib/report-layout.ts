/**
 * The reading order of a report page: its sections as printed, each statistical table right
 * after the part it belongs to (table 二 closes part 二, and so on), any other table at the end.
 */
import { TABLES, type Check, type ParsedReport, type Section, type TableId, type TableRow } from '@/lib/report/schema';

export type ReportBlock = { kind: 'section'; section: Section } | { kind: 'table'; table: TableId; rows: TableRow[]; checks: Check[] };

/** Part number (section anchor `part-<n>…`) each fixed table belongs to. */
const TABLE_PART: Partial<Record<TableId, number>> = { 二: 2, 三: 3, 四: 4 };

function belongsToPart(section: Section, part: number): boolean {
  return section.anchor === `part-${part}` || section.anchor.startsWith(`part-${part}-`);
}

export function reportBlocks(parsed: ParsedReport): ReportBlock[] {
  const tables: Array<Extract<ReportBlock, { kind: 'table' }>> = TABLES.map((table) => ({
    kind: 'table' as const,
    table,
    rows: parsed.rows.filter((row) => row.table === table),
    checks: parsed.checks.filter((check) => check.table === table),
  })).filter((block) => block.rows.length > 0);

  const placed = new Set<TableId>();
  const blocks: ReportBlock[] = [];
  parsed.sections.forEach((section, index) => {
    blocks.push({ kind: 'section', section });
    const next = parsed.sections[index + 1];
    for (const block of tables) {
      const part = TABLE_PART[block.table];
      if (part !== undefined && belongsToPart(section, part) && !(next && belongsToPart(next, part))) {
        blocks.push(block);
        placed.add(block.table);
      }
    }
  });
  return [...blocks, ...tables.filter((block) => !placed.has(block.table))];
}

/** The heading level a block asks for: parts h2, sub-parts h3, deeper h4; tables h3. Null without a heading. */
function wantedLevel(block: ReportBlock): number | null {
  if (block.kind === 'table') return 3;
  if (!block.section.heading) return null;
  return Math.min(Math.max(block.section.depth + 1, 2), 4);
}

/**
 * The heading level of each block (null: no heading), never more than one deeper than the
 * heading before it: a report whose numbering skips a level (一、 then 1.) would otherwise jump
 * from h2 to h4. The page's title is the h1 before them.
 */
export function headingLevels(blocks: readonly ReportBlock[]): Array<number | null> {
  let previous = 1;
  return blocks.map((block) => {
    const wanted = wantedLevel(block);
    if (wanted === null) return null;
    previous = Math.min(wanted, previous + 1);
    return previous;
  });
}
