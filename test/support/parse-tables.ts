/**
 * Test support: real report files through the real ingest, then the table parser. Layouts come
 * from data/manifest.json; the crawler's text exports (alt/) are read with the layout of the
 * report they duplicate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestFile } from '@/lib/ingest';
import { parseTables, type TableParseResult } from '@/lib/parse/tables';
import type { Layout, TableRow } from '@/lib/report/schema';
import { ALT_DIR, DATA_DIR } from './corpus';

interface ManifestEntry {
  file: string;
  year: number;
  layout: Layout;
}

export const MANIFEST: ManifestEntry[] = JSON.parse(readFileSync(path.join(DATA_DIR, 'manifest.json'), 'utf8'));

function layoutOf(file: string): Layout {
  const entry = MANIFEST.find((e) => e.file === file);
  if (!entry) throw new Error(`${file} is not in data/manifest.json`);
  return entry.layout;
}

/** A report of data/, e.g. '2020-hangzhou-xiacheng-qu.txt'. */
export async function tablesOf(file: string): Promise<TableParseResult> {
  const { blocks } = await ingestFile(path.join(DATA_DIR, file));
  return parseTables(blocks, layoutOf(file));
}

/** A crawler export of alt/, e.g. '2023-pingtan-zonghe-shiyanqu.txt', read as its report's layout. */
export async function altTablesOf(file: string): Promise<TableParseResult> {
  const { blocks } = await ingestFile(path.join(ALT_DIR, file));
  return parseTables(blocks, layoutOf(file.replace(/\.txt$/, '.html')));
}

export function row(result: TableParseResult, anchor: string): TableRow {
  const found = result.rows.find((r) => r.anchor === anchor);
  if (!found) throw new Error(`no row ${anchor}`);
  return found;
}

/** The row's values in column order, undefined where absent: one array to compare by hand. */
export function cells(r: TableRow, columns: readonly string[]): (number | undefined)[] {
  return columns.map((c) => r.values[c]);
}
