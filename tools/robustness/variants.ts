/**
 * The same report in the shapes real files take. Each variant is generated from a report file
 * and its parse, never written by hand: the file itself re-encoded or with another line ending,
 * or the parse printed again (model.ts, render.ts) as a crawler export with another header, a
 * table written another way, headings broken another way, characters in another width or
 * script, a place name with a look-alike character. A variant names what it is expected to
 * keep: figures always; metadata whenever the variant keeps what the report says of itself.
 */
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js/cn2t';
import type { ParsedReport } from '@/lib/report/schema';
import { strokeDifference } from '@/lib/places/lookalike';
import { printedReport, type PrintedReport } from './model';
import { renderHtml, renderMarkdown, renderText, type TextOptions } from './render';

export interface Source {
  /** The data file's name and bytes, and its parse with its manifest entry. */
  fileName: string;
  bytes: Uint8Array;
  parsed: ParsedReport;
}

/** Which metadata fields a variant must read as the original's parse has them. */
export type MetaExpectation = 'all' | 'place' | 'none';

export interface Variant {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  /** Whether the variant keeps the original's manifest entry (else it is parsed from itself). */
  withManifest: boolean;
  expect: MetaExpectation;
}

export interface VariantKind {
  name: string;
  /** What the variant is, for the printed legend. */
  description: string;
  make(source: Source): Variant | null;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const TEXT_FORMATS = /\.(?:txt|md|html?)$/i;

function decoded(source: Source): string | null {
  if (!TEXT_FORMATS.test(source.fileName)) return null;
  return new TextDecoder('utf-8').decode(source.bytes);
}

function renamed(source: Source, extension: string): string {
  return source.fileName.replace(/\.[^.]+$/, extension);
}

/** Sites are named after the body that runs them. */
function siteOf(source: Source): string {
  return source.parsed.report.issuer ?? '门户网站';
}

function printed(source: Source): PrintedReport {
  return printedReport(source.parsed);
}

/** A crawler header in one of the forms seen, then the body. */
function withHeader(source: Source, body: string, form: 'colon' | 'fullwidth' | 'english'): string {
  const { title, issuer, publishedAt, sourceUrl } = source.parsed.report;
  const published = publishedAt ?? '';
  const url = sourceUrl ?? '';
  switch (form) {
    case 'colon':
      return [
        `标题: ${title}`,
        `发布时间: ${published}`,
        '文号: ',
        `发布机构: ${issuer ?? ''}`,
        '栏目: 政府信息公开年报',
        `原始链接: ${url}`,
        '正文:',
        body,
      ].join('\n');
    case 'fullwidth':
      return [`来源：${issuer ?? ''}`, `索引号：000014348/2024-00001`, `标题：${title}`, `发布日期：${published}`, '', body].join('\n');
    case 'english':
      return [`Title: ${title}`, `Date: ${published}`, `URL: ${url}`, '==================== 正文 ====================', body].join('\n');
  }
}

function textVariant(source: Source, name: string, options: TextOptions, transform: (text: string) => string = (t) => t): Variant {
  return { name, fileName: renamed(source, '.txt'), bytes: utf8(transform(renderText(printed(source), options))), withManifest: false, expect: 'all' };
}

const PLAIN: TextOptions = { tables: 'cell-per-line', headings: 'inline' };

/** Digits and brackets in their other width, as typists and converters mix them. */
const toFullWidth = (text: string) => text.replace(/[0-9()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const toHalfWidth = (text: string) => text.replace(/[０-９（）：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

let toTraditional: ((text: string) => string) | undefined;

/**
 * The report's county-level name (else its city's) with one character swapped for the closest
 * look-alike among the characters of the report itself, in the title and the header, where a
 * typist or OCR makes such slips; the body still names the city.
 */
function lookalikeSwap(source: Source): { from: string; to: string } | null {
  const { district, city } = source.parsed.report;
  const name = district && district !== city ? district : null;
  if (!name) return null;
  const pool = [
    ...new Set(
      source.parsed.sections
        .map((s) => s.text)
        .join('')
        .match(/[\u4e00-\u9fff]/g) ?? [],
    ),
  ];
  for (let at = 0; at < name.length - 1; at++) {
    const original = name[at]!;
    const best = pool
      .filter((c) => c !== original)
      .map((c) => ({ c, d: strokeDifference(original, c) }))
      .filter(({ d }) => d > 0 && d <= 0.25)
      .sort((a, b) => a.d - b.d)[0];
    if (best) return { from: name, to: name.slice(0, at) + best.c + name.slice(at + 1) };
  }
  return null;
}

export const VARIANTS: VariantKind[] = [
  {
    name: 'no-manifest',
    description: 'the file as it is, its manifest entry removed',
    make: (source) => ({ name: 'no-manifest', fileName: source.fileName, bytes: source.bytes, withManifest: false, expect: 'all' }),
  },
  {
    name: 'crlf',
    description: 'the text file with CRLF line ends',
    make: (source) => {
      const text = decoded(source);
      return text === null ? null : { name: 'crlf', fileName: source.fileName, bytes: utf8(text.replace(/\r?\n/g, '\r\n')), withManifest: true, expect: 'all' };
    },
  },
  {
    name: 'gbk',
    description: 'the text file encoded in GBK',
    make: (source) => {
      const text = decoded(source);
      return text === null ? null : { name: 'gbk', fileName: source.fileName, bytes: iconv.encode(text, 'gbk'), withManifest: true, expect: 'all' };
    },
  },
  {
    name: 'header-colon',
    description: 'crawler header `标题: …` … `正文:`, body without the title',
    make: (source) => {
      const [, ...body] = renderText(printed(source), PLAIN).split('\n');
      return {
        name: 'header-colon',
        fileName: renamed(source, '.txt'),
        bytes: utf8(withHeader(source, body.join('\n'), 'colon')),
        withManifest: false,
        expect: 'all',
      };
    },
  },
  {
    name: 'header-fullwidth',
    description: 'header `标题：…` in another order, a blank line, the body',
    make: (source) => ({
      name: 'header-fullwidth',
      fileName: renamed(source, '.txt'),
      bytes: utf8(withHeader(source, renderText(printed(source), PLAIN), 'fullwidth')),
      withManifest: false,
      expect: 'all',
    }),
  },
  {
    name: 'header-english',
    description: 'header `Title:` … `==== 正文 ====`',
    make: (source) => ({
      name: 'header-english',
      fileName: renamed(source, '.txt'),
      bytes: utf8(withHeader(source, renderText(printed(source), PLAIN), 'english')),
      withManifest: false,
      expect: 'all',
    }),
  },
  { name: 'cells-per-line', description: 'no header; tables one cell per line', make: (source) => textVariant(source, 'cells-per-line', PLAIN) },
  { name: 'tsv', description: 'tables tab-separated', make: (source) => textVariant(source, 'tsv', { tables: 'tsv', headings: 'inline' }) },
  {
    name: 'pdf-text',
    description: 'a PDF text layer: rows spaced, page footers and headers',
    make: (source) => textVariant(source, 'pdf-text', { tables: 'spaced', headings: 'inline', pageEvery: 25 }),
  },
  {
    name: 'markdown',
    description: 'Markdown, pipe tables',
    make: (source) => ({
      name: 'markdown',
      fileName: renamed(source, '.md'),
      bytes: utf8(renderMarkdown(printed(source), { t4ByGroup: false })),
      withManifest: false,
      expect: 'all',
    }),
  },
  {
    name: 't4-by-group',
    description: 'Markdown, table 四 as one small table per group',
    make: (source) => ({
      name: 't4-by-group',
      fileName: renamed(source, '.md'),
      bytes: utf8(renderMarkdown(printed(source), { t4ByGroup: true })),
      withManifest: false,
      expect: 'all',
    }),
  },
  {
    name: 'html',
    description: 'an article page, header cells with colspan',
    make: (source) => ({
      name: 'html',
      fileName: renamed(source, '.html'),
      bytes: utf8(renderHtml(printed(source), 'utf-8', siteOf(source))),
      withManifest: false,
      expect: 'all',
    }),
  },
  {
    name: 'number-own-line',
    description: 'section numbers on a line of their own',
    make: (source) => textVariant(source, 'number-own-line', { tables: 'cell-per-line', headings: 'number-own-line' }),
  },
  {
    name: 'heading-spaced',
    description: 'headings spread by spaces (`一、 总 体 情 况`)',
    make: (source) => textVariant(source, 'heading-spaced', { tables: 'tsv', headings: 'spaced' }),
  },
  { name: 'full-width', description: 'digits and brackets full-width', make: (source) => textVariant(source, 'full-width', PLAIN, toFullWidth) },
  { name: 'half-width', description: 'brackets, colons and digits half-width', make: (source) => textVariant(source, 'half-width', PLAIN, toHalfWidth) },
  {
    name: 'big5',
    description: 'traditional characters, an HTML page in Big5',
    make: (source) => {
      // Taiwan's standard forms are Big5's; Hong Kong's (閲) are not all in Big5.
      toTraditional ??= Converter({ from: 'cn', to: 'tw' });
      const html = renderHtml(printed(source), 'big5', siteOf(source));
      return { name: 'big5', fileName: renamed(source, '.html'), bytes: iconv.encode(toTraditional(html), 'big5'), withManifest: false, expect: 'all' };
    },
  },
  {
    name: 'lookalike-place',
    description: 'a look-alike character in the county name of the title',
    make: (source) => {
      const swap = lookalikeSwap(source);
      if (!swap) return null;
      const text = renderText(printed(source), PLAIN);
      const [title, ...body] = text.split('\n');
      return {
        name: 'lookalike-place',
        fileName: renamed(source, '.txt'),
        bytes: utf8([title!.split(swap.from).join(swap.to), ...body].join('\n')),
        withManifest: false,
        expect: 'place',
      };
    },
  },
];
