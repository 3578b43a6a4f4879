/**
 * Reports in traditional characters (pages from big5 gateways, 年度報告) are read in simplified
 * characters, so that every pattern of the parser applies to them, and shown as published.
 * The conversion (OpenCC's dictionaries, via opencc-js) is kept character for character, so a
 * converted text has the offsets of the original and every cut made in one applies to the other.
 */
import { Converter } from 'opencc-js/t2cn';
import type { Block, FileHeader } from '@/lib/ingest/types';

/** Share of CJK characters that must change for a text to count as traditional. */
const TRADITIONAL_SHARE = 0.02;
const CJK = /[\u4e00-\u9fff]/g;

let convert: ((text: string) => string) | undefined;
const perCharacter = new Map<string, string>();

/** Simplified, same length: phrase conversions that change the length fall back to one character at a time. */
export function toSimplified(text: string): string {
  // Taiwan's table converts phrases too (著力 → 着力), and reads Hong Kong forms (閲) as well.
  convert ??= Converter({ from: 'tw', to: 'cn' });
  const converted = convert(text);
  if (converted.length === text.length) return converted;
  return [...text]
    .map((char) => {
      let simple = perCharacter.get(char);
      if (simple === undefined) {
        const one = convert!(char);
        simple = one.length === char.length ? one : char;
        perCharacter.set(char, simple);
      }
      return simple;
    })
    .join('');
}

function blockText(block: Block): string {
  return block.type === 'text' ? block.text : block.rows.map((row) => row.join('\n')).join('\n');
}

/** Whether the blocks are written in traditional characters. */
export function isTraditional(blocks: Block[]): boolean {
  const sample = blocks.map(blockText).join('\n').slice(0, 20_000);
  const cjk = sample.match(CJK)?.length ?? 0;
  if (cjk === 0) return false;
  const simplified = toSimplified(sample);
  let changed = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] !== simplified[i]) changed += 1;
  return changed / cjk >= TRADITIONAL_SHARE;
}

export function simplifiedBlocks(blocks: Block[]): Block[] {
  return blocks.map((block): Block =>
    block.type === 'text' ? { type: 'text', text: toSimplified(block.text) } : { type: 'table', rows: block.rows.map((row) => row.map(toSimplified)) },
  );
}

export function simplifiedHeader(header: FileHeader): FileHeader {
  return Object.fromEntries(Object.entries(header).map(([key, value]: [string, string]) => [key, key === 'sourceUrl' ? value : toSimplified(value)]));
}
