/**
 * A report's own checks as issues: the table identities that fail (勾稽关系: which rule, which
 * column, expected and printed values, the row), the places where its text contradicts its
 * table (the parser's `text-table-mismatch` warnings), and the year, issuer or place it does
 * not state (`metadata-missing`). The indexer marks reports that have any
 * (lib/index/documents.ts); the report page and the data-quality list show them.
 */
import type { Check, ParsedReport, Warning } from './schema';

export const TEXT_TABLE_MISMATCH = 'text-table-mismatch';
export const METADATA_MISSING = 'metadata-missing';

export interface FailedCheck extends Check {
  /** Printed total − sum of its parts; null when either is unknown. */
  difference: number | null;
}

export interface ReportQuality {
  failedChecks: FailedCheck[];
  /** The report's text states other figures than its tables. */
  mismatches: Warning[];
  /** Fields the report does not state, each with why. */
  missingMetadata: Warning[];
}

/** The issues of one report (both lists empty when it has none). */
export function qualityOf(report: Pick<ParsedReport, 'checks' | 'warnings'>): ReportQuality {
  return {
    failedChecks: report.checks
      .filter((check) => !check.ok)
      .map((check) => ({
        ...check,
        difference: check.expected === null || check.actual === null ? null : Math.round((check.actual - check.expected) * 1e6) / 1e6,
      })),
    mismatches: report.warnings.filter((warning) => warning.code === TEXT_TABLE_MISMATCH),
    missingMetadata: report.warnings.filter((warning) => warning.code === METADATA_MISSING),
  };
}

export function hasIssues(quality: ReportQuality): boolean {
  return quality.failedChecks.length > 0 || quality.mismatches.length > 0 || quality.missingMetadata.length > 0;
}
