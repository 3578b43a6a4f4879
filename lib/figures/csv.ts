/**
 * CSV as spreadsheets read it: UTF-8 with a byte-order mark (without it Excel decodes Chinese
 * as the local code page), RFC 4180 quoting and CRLF line ends, and no cell that a spreadsheet
 * would run as a formula. Numbers are written as numbers, so a signed figure such as `-87`
 * (a decrease in table 二) stays a number and is not mistaken for a formula.
 */

/** One cell: text, a number, or nothing (a gap, written as an empty cell, never as 0). */
export type CsvCell = string | number | null;

export const CSV_BOM = '\uFEFF';

/** Cells starting with these are formulas in Excel, LibreOffice and Google Sheets (OWASP). */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

function textCell(text: string): string {
  const safe = FORMULA_TRIGGERS.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // NaN and Infinity are not figures; a caller that produced one has a bug to show, not hide.
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  return textCell(value);
}

/** One record, terminated by CRLF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(cell).join(',')}\r\n`;
}
