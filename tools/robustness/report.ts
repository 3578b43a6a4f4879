/**
 * The suite's result as a reader checks it: a table of variants × reports (`=` same, `<` fewer:
 * something unread that the original read, `✗` a figure changed or the report refused, `·` not
 * applicable), the totals per variant, then every failure and every shortfall spelled out.
 */
import type { Cell, SuiteResult } from './run';

const SYMBOL = { same: '=', fewer: '<', different: '✗' } as const;

function symbol(cell: Cell): string {
  if (cell.kind === 'not-applicable') return '·';
  if (cell.kind === 'refused') return '✗';
  return SYMBOL[cell.comparison.outcome];
}

export function formatSuite(result: SuiteResult, options: { details: boolean }): string {
  const lines: string[] = [];
  const width = Math.max(...result.variants.map((v) => v.name.length), 8);
  lines.push('Reports:');
  result.reports.forEach((report, r) => lines.push(`  ${String(r + 1).padStart(2)}  ${report}`));
  lines.push('');
  const numbers = result.reports.map((_, r) => String(r + 1).padStart(2)).join(' ');
  lines.push(`${'variant'.padEnd(width)}  ${numbers}   same fewer diff  figures same/fewer/diff/more`);
  const totals = { same: 0, fewer: 0, different: 0 };
  result.variants.forEach((variant, v) => {
    const cells = result.cells[v]!;
    const count = (outcome: string) => cells.filter((cell) => symbol(cell) === outcome).length;
    const figures = { same: 0, fewer: 0, different: 0, more: 0 };
    for (const cell of cells) {
      if (cell.kind !== 'compared') continue;
      for (const key of Object.keys(figures) as Array<keyof typeof figures>) figures[key] += cell.comparison.figures[key];
    }
    totals.same += count('=');
    totals.fewer += count('<');
    totals.different += count('✗');
    const row = cells.map((cell) => symbol(cell).padStart(2)).join(' ');
    lines.push(
      `${variant.name.padEnd(width)}  ${row}   ${String(count('=')).padStart(4)} ${String(count('<')).padStart(5)} ${String(count('✗')).padStart(4)}  ${figures.same}/${figures.fewer}/${figures.different}/${figures.more}`,
    );
  });
  lines.push('');
  lines.push(`Total: ${totals.same} same, ${totals.fewer} fewer, ${totals.different} different or refused (variant × report).`);
  lines.push('');
  lines.push('Variants:');
  for (const variant of result.variants) lines.push(`  ${variant.name.padEnd(width)}  ${variant.description}`);
  for (const skipped of result.skipped) lines.push(`Skipped ${skipped.file}: ${skipped.reason}`);

  const detail = (title: string, entries: string[]) => {
    if (entries.length === 0) return;
    lines.push('', title);
    lines.push(...entries.map((entry) => `  ${entry}`));
  };
  const each = (f: (variant: string, report: string, cell: Cell) => string[]) =>
    result.variants.flatMap((variant, v) => result.reports.flatMap((report, r) => f(variant.name, report, result.cells[v]![r]!)));
  detail(
    'DIFFERENT figures (never acceptable):',
    each((variant, report, cell) =>
      cell.kind === 'compared' ? cell.comparison.changed.map((d) => `${variant} ${report} #${d.anchor} ${d.column}: ${d.original} → ${d.variant}`) : [],
    ),
  );
  detail(
    'Refused:',
    each((variant, report, cell) => (cell.kind === 'refused' ? [`${variant} ${report}: ${cell.reason}`] : [])),
  );
  if (options.details) {
    detail(
      'Metadata read otherwise:',
      each((variant, report, cell) =>
        cell.kind === 'compared' && cell.comparison.metadata.length > 0 ? [`${variant} ${report}: ${cell.comparison.metadata.join('; ')}`] : [],
      ),
    );
    detail(
      'Headings not found:',
      each((variant, report, cell) =>
        cell.kind === 'compared' && cell.comparison.headings.length > 0
          ? [
              `${variant} ${report}: ${cell.comparison.headings.slice(0, 4).join(' | ')}${cell.comparison.headings.length > 4 ? ` (+${cell.comparison.headings.length - 4})` : ''}`,
            ]
          : [],
      ),
    );
    detail(
      'Figures not read:',
      each((variant, report, cell) =>
        cell.kind === 'compared' && cell.comparison.missing.length > 0
          ? [
              `${variant} ${report}: ${cell.comparison.missing.length} (${cell.comparison.missing
                .slice(0, 3)
                .map((d) => `#${d.anchor} ${d.column}`)
                .join(', ')}…)`,
            ]
          : [],
      ),
    );
  }
  return lines.join('\n');
}
