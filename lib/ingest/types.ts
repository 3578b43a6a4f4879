/**
 * What ingest hands to parse: the report body as an ordered list of blocks, with the
 * structure the file format made certain (table cells) kept, and everything else as text.
 */

export type FileFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'js';

/** Running text: paragraphs and lines as printed, lines separated by '\n'. */
export interface TextBlock {
  type: 'text';
  text: string;
}

/**
 * A table whose cell boundaries the format states (HTML, Word, Markdown): one array per row,
 * the cells of that row in order, as printed (trimmed; `&nbsp;`-only cells are ''). Spanned
 * cells appear once, where the source has them (no rowspan/colspan expansion), so that reading
 * the rows in order gives the same cell sequence as the printed table read left to right.
 */
export interface TableBlock {
  type: 'table';
  rows: string[][];
}

export type Block = TextBlock | TableBlock;

/** Metadata a file states about itself outside the report body (crawler header, HTML meta). */
export interface FileHeader {
  title?: string;
  publishedAt?: string;
  sourceUrl?: string;
  issuer?: string;
  /** The site the page belongs to (`…_平潭综合实验区党工委管委会` after a page title): often the issuing body. */
  site?: string;
}

export interface IngestedFile {
  format: FileFormat;
  /** The encoding the bytes were decoded from (`utf-8`, `gb18030`, …). */
  encoding: string;
  blocks: Block[];
  header: FileHeader;
  /** Things the reader should know (dropped page chrome, repaired markup), not failures. */
  warnings: string[];
}

/** A file that cannot be read as a report: named with the reason; never thrown as a bare Error. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'IngestError';
  }
}
