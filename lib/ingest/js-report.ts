/**
 * Some sites ship the report as HTML inside a JavaScript string (`let content = "<p>…</p>"`).
 * This reads that string literal exactly as a JavaScript engine would and wraps it in a
 * standalone HTML page, so the report can be kept as an ordinary .html file.
 */

/** The value of the string literal assigned to `variable` (`let|const|var variable = "…"`). */
export function extractJsStringVariable(source: string, variable: string): string {
  const declaration = new RegExp(`\\b(?:let|const|var)\\s+${variable}\\s*=\\s*(["'])`).exec(source);
  if (!declaration) throw new Error(`no string literal assigned to "${variable}"`);
  const quoteIndex = declaration.index + declaration[0].length - 1;
  return readStringLiteral(source, quoteIndex);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** Reads the single- or double-quoted literal whose opening quote is at `start`. */
function readStringLiteral(source: string, start: number): string {
  const quote = source[start];
  let value = '';
  for (let i = start + 1; i < source.length; i += 1) {
    const char = source[i] as string;
    if (char === quote) return value;
    if (char === '\n' || char === '\r') throw new Error(`unterminated string literal at ${start}`);
    if (char !== '\\') {
      value += char;
      continue;
    }
    i += 1;
    const escaped = source[i] ?? '';
    if (escaped === 'x') {
      value += String.fromCharCode(parseHex(source.slice(i + 1, i + 3), 2));
      i += 2;
    } else if (escaped === 'u' && source[i + 1] === '{') {
      const close = source.indexOf('}', i);
      value += String.fromCodePoint(parseHex(source.slice(i + 2, close), -1));
      i = close;
    } else if (escaped === 'u') {
      value += String.fromCharCode(parseHex(source.slice(i + 1, i + 5), 4));
      i += 4;
    } else if (escaped === '\r' || escaped === '\n') {
      // Line continuation: the backslash and the line break are not part of the value.
      if (escaped === '\r' && source[i + 1] === '\n') i += 1;
    } else {
      value += SIMPLE_ESCAPES[escaped] ?? escaped;
    }
  }
  throw new Error(`unterminated string literal at ${start}`);
}

/** Hex digits → number; `length` −1 accepts 1–6 digits (`\u{…}`). */
function parseHex(digits: string, length: number): number {
  const valid = length < 0 ? /^[0-9a-f]{1,6}$/i : new RegExp(`^[0-9a-f]{${length}}$`, 'i');
  if (!valid.test(digits)) throw new Error(`bad escape sequence "${digits}"`);
  return Number.parseInt(digits, 16);
}

/**
 * The report's HTML in a script: of the string literals assigned to variables, the longest that
 * holds markup and Chinese text. Null when the script holds none.
 */
export function htmlInScript(source: string): string | null {
  const declarations = source.matchAll(/\b(?:let|const|var)\s+([A-Za-z_$][\w$]*)\s*=\s*["']/g);
  let best: string | null = null;
  for (const declaration of declarations) {
    let value: string;
    try {
      value = extractJsStringVariable(source.slice(declaration.index), declaration[1]!);
    } catch {
      continue;
    }
    if (/<[a-z][^>]*>/i.test(value) && /[\u4e00-\u9fff]/.test(value) && value.length > (best?.length ?? 0)) best = value;
  }
  return best;
}

export interface StandalonePage {
  title: string;
  /** Where the HTML came from, written into a comment at the top of the page. */
  source: string;
}

export function standaloneHtml(body: string, page: StandalonePage): string {
  const comment = page.source.replace(/--/g, '- -');
  return [
    '<!DOCTYPE html>',
    `<!-- ${comment} -->`,
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(page.title)}</title>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
