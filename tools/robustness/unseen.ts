/**
 * Reports the parser was not built on, as a new user drops them in: each file of a folder parsed
 * without its manifest entry, then held against that entry, which a person read by hand: the
 * report accepted, its year, issuer, province, city, district and level, and the table cells
 * the entry records (`cells`: `t3.new.total` … and `stats.<label>`), each exact, unread or —
 * never acceptable — different.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { failureReason, parseReportFile } from '@/lib/parse';
import type { Level, ParsedReport } from '@/lib/report/schema';

const Entry = z.object({
  file: z.string(),
  year: z.number().nullable(),
  issuer: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable().optional(),
  district: z.string().nullable().optional(),
  level: z.string().optional(),
  split: z.string().optional(),
  /** `first-screen` for the start of a saved page (its later parts are not expected). */
  kind: z.string().optional(),
  template: z.string().optional(),
  cells: z.record(z.string(), z.number()).optional(),
});
type Entry = z.infer<typeof Entry>;

const LEVEL: Readonly<Record<string, Level>> = { province: '省级', city: '市级', district: '区县级', county: '区县级', department: '部门', town: '乡镇街道' };

/** The hand-read cell names and where the parse keeps them: [row anchor, column]. */
const CELL_PLACES: Readonly<Record<string, readonly [string, string]>> = {
  't3.new.total': ['t3-1', '总计'],
  't3.new.natural': ['t3-1', '自然人'],
  't3.carried.total': ['t3-2', '总计'],
  't3.disclosed.total': ['t3-3-1', '总计'],
  't3.result.total': ['t3-3-7', '总计'],
  't3.next.total': ['t3-4', '总计'],
  't4.review.total': ['t4', '行政复议/总计'],
  't4.suit_direct.total': ['t4', '未经复议直接起诉/总计'],
  't4.suit_after.total': ['t4', '复议后起诉/总计'],
};

/** A hand-read cell's value in the parse: null when unread, undefined when the name is unknown. */
function cellOf(parsed: ParsedReport, name: string): number | null | undefined {
  const place = CELL_PLACES[name];
  if (place) return parsed.rows.find((row) => row.anchor === place[0])?.values[place[1]] ?? null;
  const stats = /^stats\.(.+)$/.exec(name)?.[1];
  if (!stats) return undefined;
  const key = stats.replace(/\s+/g, '');
  const row = parsed.rows.find((r) => r.table === '统计表' && r.label.replace(/^[\d.、]+/, '').includes(key));
  return row?.values['本年度'] ?? null;
}

export interface UnseenFile {
  file: string;
  split: string | null;
  /** Why the file was refused, when it was. */
  refused: string | null;
  /** Fields read otherwise than the entry: `field: expected → read`. */
  metadata: string[];
  level: string | null;
  cells: { exact: number; unread: number; different: string[] };
  /** For a whole 2019+ report: how many of the six standard parts' headings were found (null otherwise). */
  parts: number | null;
}

const FIELDS = ['year', 'issuer', 'province', 'city', 'district'] as const;

function compare(entry: Entry, parsed: ParsedReport): Omit<UnseenFile, 'file' | 'split' | 'refused'> {
  const { report } = parsed;
  const metadata = FIELDS.flatMap((field) => {
    const expected = entry[field] ?? null;
    const read = report[field] ?? null;
    return expected === read ? [] : [`${field}: ${expected ?? '—'} → ${read ?? '—'}`];
  });
  const expectedLevel = entry.level ? (LEVEL[entry.level] ?? null) : null;
  const level = expectedLevel && expectedLevel !== report.level ? `level: ${expectedLevel} → ${report.level ?? '—'}` : null;
  const cells = { exact: 0, unread: 0, different: [] as string[] };
  for (const [name, expected] of Object.entries(entry.cells ?? {})) {
    const read = cellOf(parsed, name);
    if (read === undefined) continue;
    if (read === null) cells.unread += 1;
    else if (read === expected) cells.exact += 1;
    else cells.different.push(`${name}: ${expected} → ${read}`);
  }
  const whole = entry.kind !== 'first-screen' && entry.template === '2019-national';
  const parts = whole ? 6 - parsed.warnings.filter((warning) => warning.code === 'missing-part').length : null;
  return { metadata, level, cells, parts };
}

export async function runUnseen(manifestPath: string, split?: string): Promise<UnseenFile[]> {
  const folder = path.dirname(manifestPath);
  const entries = z.array(Entry.passthrough()).parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  const results: UnseenFile[] = [];
  for (const entry of entries.filter((e) => !split || e.split === split)) {
    const base = { file: entry.file, split: entry.split ?? null };
    try {
      // No dataDir: the file is parsed from itself alone, as a file dropped in with no manifest.
      const parsed = await parseReportFile(path.join(folder, entry.file));
      results.push({ ...base, refused: null, ...compare(entry, parsed) });
    } catch (error) {
      results.push({ ...base, refused: failureReason(error), metadata: [], level: null, cells: { exact: 0, unread: 0, different: [] }, parts: null });
    }
  }
  return results;
}

function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${part}/${whole} (${((100 * part) / whole).toFixed(1)}%)`;
}

export function formatUnseen(results: UnseenFile[], options: { details: boolean }): string {
  const accepted = results.filter((r) => r.refused === null);
  const allRight = accepted.filter((r) => r.metadata.length === 0);
  const withLevel = accepted.filter((r) => r.metadata.length === 0 && r.level === null);
  const cells = accepted.reduce(
    (sum, r) => ({ exact: sum.exact + r.cells.exact, unread: sum.unread + r.cells.unread, different: sum.different + r.cells.different.length }),
    {
      exact: 0,
      unread: 0,
      different: 0,
    },
  );
  const whole = accepted.filter((r) => r.parts !== null);
  const parts = whole.reduce((sum, r) => sum + (r.parts ?? 0), 0);
  const byField = FIELDS.map((field) => `${field} ${share(accepted.filter((r) => !r.metadata.some((m) => m.startsWith(`${field}:`))).length, results.length)}`);
  const lines = [
    `Files: ${results.length}`,
    `Accepted: ${share(accepted.length, results.length)}`,
    `Year, issuer, province, city and district all right: ${share(allRight.length, results.length)}`,
    `… and the level too: ${share(withLevel.length, results.length)}`,
    `By field: ${byField.join(' · ')}`,
    `Hand-read cells: exact ${share(cells.exact, cells.exact + cells.unread + cells.different)}, unread ${cells.unread}, DIFFERENT ${cells.different}`,
    `Standard part headings of whole 2019+ reports found: ${share(parts, 6 * whole.length)}`,
  ];
  if (options.details) {
    for (const r of results) {
      const problems = [
        r.refused ? `refused: ${r.refused}` : null,
        ...r.metadata,
        r.level,
        r.parts !== null && r.parts < 6 ? `${6 - r.parts} standard headings not found` : null,
        ...r.cells.different.map((d) => `DIFFERENT ${d}`),
        r.cells.unread ? `${r.cells.unread} cells unread` : null,
      ].filter(Boolean);
      if (problems.length > 0) lines.push(`  ${r.file}: ${problems.join('; ')}`);
    }
  } else {
    for (const r of results) for (const d of r.cells.different) lines.push(`  DIFFERENT ${r.file} ${d}`);
  }
  return lines.join('\n');
}
