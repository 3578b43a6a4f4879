/**
 * Splits a text into consecutive parts of at most `maxChars` characters whose concatenation is
 * the text itself (nothing trimmed or added), cutting after a sentence end or a line break when
 * there is one, so that a part reads as whole sentences.
 */
const SENTENCE_END = /[。！？；!?;\n]/u;

export function splitText(text: string, maxChars: number): string[] {
  if (maxChars < 1) throw new RangeError('maxChars must be positive');
  const parts: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    let cut = maxChars;
    while (cut > 0 && !SENTENCE_END.test(rest[cut - 1]!)) cut -= 1;
    // No sentence end within the limit: cut at the limit (never inside a surrogate pair).
    if (cut === 0) cut = maxChars > 1 && isHighSurrogate(rest.charCodeAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
