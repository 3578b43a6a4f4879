/**
 * Small text repairs shared by several formats. Each one removes something that is not part
 * of the report as printed (editor markup, page numbers); none rewrites the report's words.
 */

/**
 * Word's conditional comments (`<!--[if !supportLists]-->`, `<!--[endif]-->`, `<![if …]>`)
 * survive as literal text in crawler exports and as escaped text in some CMS pages.
 */
const WORD_CONDITIONAL_COMMENT = /<!(?:--)?\[(?:if\s[^\]<>]*|endif)\](?:--)?>/g;

/**
 * Pinyin that copying sites insert after characters (`標(biāo)題`, `發(fā)布機構(gòu)`): a syllable with
 * its tone mark in brackets right after a Chinese character. Never part of a report.
 */
const PINYIN_ANNOTATION = /(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]/g;

export function removeWordMarkup(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(WORD_CONDITIONAL_COMMENT, () => {
    removed += 1;
    return '';
  });
  return { text: cleaned, removed };
}

/** A copying site's pinyin annotations out of the text; plain Latin in brackets stays (it has no tone mark). */
export function removePinyinAnnotations(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(PINYIN_ANNOTATION, (annotation) => {
    if (!/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/.test(annotation)) return annotation;
    removed += 1;
    return '';
  });
  return { text: cleaned, removed };
}

/**
 * A printed page number on a line of its own: `-1-`, `- 1 -`, `— 1 —`, `第 1 页`,
 * `第1页 共5页`. A bare `1` is not matched: in a table a lone number is a cell.
 */
const PAGE_NUMBER_LINE = /^(?:[-—–－─]+\s*\d{1,4}\s*[-—–－─]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$/;

export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER_LINE.test(line.trim());
}

/** The warning that lists the page numbers a reader dropped (none when it dropped none). */
export function pageNumberWarnings(dropped: string[]): string[] {
  if (dropped.length === 0) return [];
  return [`已去除页码 ${dropped.length} 行（${dropped.join('、')}）`];
}

/** Chinese characters and the full-width punctuation and forms set with them. */
export const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

const ASCII_ALNUM = /[A-Za-z0-9]/;

/**
 * Joins two pieces of one line that a layout broke apart. Chinese needs no space between
 * them; two Latin words or numbers do, or `2024` and `12` would read as `202412`.
 */
export function joinPieces(left: string, right: string): string {
  if (left === '' || right === '') return left + right;
  const needsSpace = ASCII_ALNUM.test(left.slice(-1)) && ASCII_ALNUM.test(right.charAt(0));
  return needsSpace ? `${left} ${right}` : left + right;
}
