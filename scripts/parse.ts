/**
 * npm run parse -- <file|folder> [--json]
 *
 * A file: the parsed report, readably (metadata, section tree, table rows, failed checks,
 * warnings) or as the ParsedReport JSON. Exit 1 if it fails.
 * A folder: one line per report and the duplicate pairs (or `{ reports, failures }` as JSON).
 * Exit 1 only if no report parsed.
 */
import { stat } from 'node:fs/promises';
import { pathProblem } from '@/lib/errors';
import path from 'node:path';
import type { FileOutcome } from '@/lib/parse';
import type { ParsedReport } from '@/lib/report/schema';

const USAGE = 'usage: npm run parse -- <file|folder> [--json]';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
// Loaded only now: --help answers without loading the parsers.
const { failureReason, loadManifest, parseFolder, parseReportFile } = await import('@/lib/parse');

function rowCounts(report: ParsedReport): string {
  const count = (status: string) => report.rows.filter((row) => row.status === status).length;
  return `${count('read')}/${count('inferred')}/${count('unreadable')}`;
}

function summaryLine(report: ParsedReport): string {
  const failed = report.checks.filter((check) => !check.ok).length;
  return [
    report.report.id.padEnd(52),
    report.report.layout.padEnd(8),
    `sections ${String(report.sections.length).padStart(3)}`,
    `rows read/inferred/unreadable ${rowCounts(report).padEnd(9)}`,
    `failed checks ${failed}`,
    `warnings ${report.warnings.length}`,
  ].join('  ');
}

function formatValues(values: Record<string, number>): string {
  return Object.entries(values)
    .map(([column, value]) => `${column}=${value}`)
    .join(' ');
}

function printReport(parsed: ParsedReport): void {
  const { report } = parsed;
  const place = [report.province, report.city, report.district].filter(Boolean).join(' / ');
  console.log(`${report.id}  ${report.title}`);
  const from = (field: keyof typeof report.sources) => (report.sources[field] ? ` (${report.sources[field]})` : '');
  console.log(
    `  year ${report.year ?? '-'}${from('year')} · layout ${report.layout} · ${report.level ?? '-'} · ${place || '-'}${from('place')} · issuer ${report.issuer ?? '-'}${from('issuer')}`,
  );
  if (report.missing.length > 0) console.log(`  missing ${report.missing.join(', ')}`);
  console.log(`  file ${report.sourceFile} · url ${report.sourceUrl ?? '-'} · published ${report.publishedAt ?? '-'}`);
  if (report.provenance) console.log(`  provenance ${report.provenance}`);

  console.log(`\nSections (${parsed.sections.length})`);
  for (const section of parsed.sections) {
    const indent = '  '.repeat(Math.max(section.depth, 1));
    console.log(`${indent}#${section.anchor}  ${section.heading || '(preamble)'}  [${section.category}]  ${section.text.length} chars`);
  }

  console.log(`\nTable rows (${parsed.rows.length}; read/inferred/unreadable ${rowCounts(parsed)})`);
  for (const row of parsed.rows) {
    const note = row.note ? `  (${row.note})` : '';
    console.log(`  #${row.anchor}  表${row.table}  ${row.label}  ${row.status}  ${formatValues(row.values)}${note}`);
  }

  const failed = parsed.checks.filter((check) => !check.ok);
  console.log(`\nFailed checks (${failed.length} of ${parsed.checks.length})`);
  for (const check of failed) {
    console.log(`  ${check.rule} [${check.column}] expected ${check.expected ?? '?'}, found ${check.actual ?? '?'}: ${check.description}`);
  }

  console.log(`\nWarnings (${parsed.warnings.length})`);
  for (const warning of parsed.warnings) {
    console.log(`  ${warning.code}${warning.anchor ? ` #${warning.anchor}` : ''}: ${warning.message}`);
  }
}

async function parseOneFile(file: string, json: boolean): Promise<number> {
  const dataDir = path.dirname(file);
  try {
    const manifest = (await loadManifest(dataDir)).get(path.basename(file));
    const parsed = await parseReportFile(file, { dataDir, manifest });
    if (json) console.log(JSON.stringify(parsed, null, 2));
    else printReport(parsed);
    return 0;
  } catch (error) {
    console.error(`${file}: ${failureReason(error)}`);
    return 1;
  }
}

async function parseWholeFolder(folder: string, json: boolean): Promise<number> {
  const onFile = (outcome: FileOutcome) => {
    if (json) return;
    if (outcome.report) console.log(summaryLine(outcome.report));
    else console.log(`${outcome.file}: FAILED: ${outcome.reason}`);
  };
  const { reports, failures } = await parseFolder(folder, onFile);
  if (json) {
    console.log(JSON.stringify({ reports, failures }, null, 2));
  } else {
    const pairs = reports.flatMap((r) => r.duplicates.filter((d) => r.report.id < d.id).map((d) => `  ${r.report.id} ≈ ${d.id} (${d.similarity})`));
    console.log(`\n${reports.length} parsed, ${failures.length} failed`);
    console.log(pairs.length > 0 ? `Duplicates:\n${pairs.join('\n')}` : 'Duplicates: none');
  }
  return reports.length > 0 ? 0 : 1;
}

async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const targets = args.filter((arg) => arg !== '--json');
  if (targets.length !== 1 || targets[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const target = targets[0]!;
  const kind = await stat(target).catch((error: unknown) => {
    console.error(`${target}: ${pathProblem(error)}`);
    return null;
  });
  if (!kind) return 1;
  return kind.isDirectory() ? parseWholeFolder(target, json) : parseOneFile(target, json);
}

process.exitCode = await main(args);
