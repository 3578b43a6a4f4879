/**
 * Bytes → text for the text formats (.txt, .md, .html). Chinese government pages come in
 * UTF-8 (with or without BOM) and, in older years, GBK/GB18030; a wrong guess shows up as
 * mojibake in every search result, so each step is strict and the first that decodes wins.
 */

import { UnreadableFile } from './unreadable';

export interface DecodedText {
  text: string;
  /** WHATWG encoding name the text was decoded from. */
  encoding: string;
}

const BOMS: ReadonlyArray<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Share of C0 control characters (other than tab, newline, carriage return, form feed)
 * above which decoded "text" is really binary. Real reports have none; a stray one survives.
 */
const MAX_CONTROL_CHAR_SHARE = 0.001;

/**
 * Order: BOM → strict UTF-8 → the charset the HTML declares → strict GB18030 (a superset of
 * GBK and GB2312). Strict UTF-8 almost never accepts GBK bytes, so trying it first is safe.
 * The declared charset goes before GB18030 because GB18030 also accepts most Big5 bytes and
 * would silently turn a Big5 page into nonsense.
 */
export function decodeText(bytes: Uint8Array, declaredCharset?: string): DecodedText {
  const candidates = candidateEncodings(bytes, declaredCharset);
  for (const { encoding, offset } of candidates) {
    const text = tryDecode(bytes.subarray(offset), encoding);
    if (text !== undefined) {
      assertNotBinary(text);
      return { text, encoding };
    }
  }
  throw new UnreadableFile(`文件内容在以下编码中都不是有效文本：${candidates.map((c) => c.encoding).join('、')}`);
}

function candidateEncodings(bytes: Uint8Array, declaredCharset: string | undefined): Array<{ encoding: string; offset: number }> {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) return [{ encoding: bom.encoding, offset: bom.bytes.length }];
  const declared = declaredCharset && canonicalEncoding(declaredCharset);
  const names = ['utf-8', ...(declared ? [declared] : []), 'gb18030'];
  return [...new Set(names)].map((encoding) => ({ encoding, offset: 0 }));
}

/** The WHATWG name for a label (`GB2312` → `gbk`), or undefined for labels Node cannot decode. */
function canonicalEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function assertNotBinary(text: string): void {
  if (text.includes('\u0000')) throw new UnreadableFile('含有 NUL 字节（二进制文件）');
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(1, text.length * MAX_CONTROL_CHAR_SHARE)) {
    throw new UnreadableFile(`含有 ${controls} 个控制字符（二进制文件）`);
  }
}

/** How far into an HTML file a charset declaration counts (the HTML spec's prescan window). */
const CHARSET_PRESCAN_BYTES = 1024;

/**
 * The charset an HTML file declares in its first 1024 bytes (`<meta charset=…>` or the
 * `http-equiv` form), read before decoding since the declaration is ASCII in every encoding
 * we accept.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  const metaTags = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metaTags) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (charset?.[1]) return charset[1];
  }
  return undefined;
}
