/**
 * What synthetic reports are made of, taken from the real ones: their outlines (which
 * headings, in which order, how much text under each) and their sentences, grouped by
 * disclosure category and layout family, with the source's own names and year made into
 * slots so that a sentence can speak for another issuer and another year.
 */
import { parseFolder } from '@/lib/parse';
import type { Category, ParsedReport } from '@/lib/report/schema';

export type Family = 'national' | 'pre-2019';

export interface OutlineSection {
  heading: string;
  depth: number;
  category: Category;
  /** Sentences of text under the heading in the source (0 for a heading over a table). */
  sentences: number;
  /** Part number (1–6) of a 2019+ report's top-level heading, where tables 二–四 follow. */
  part: number | null;
}

export interface Outline {
  source: string;
  family: Family;
  sections: OutlineSection[];
}

export interface Sentence {
  /** Text with `{place}`, `{issuer}` slots and `{year+N}` for years relative to the source's. */
  text: string;
}

export interface Material {
  outlines: Record<Family, Outline[]>;
  /** Family → category → sentences. */
  sentences: Record<Family, Map<Category, Sentence[]>>;
  /** Real report ids the material came from, for the synthetic reports' provenance. */
  sources: string[];
}

const SENTENCE = /[^。！？；!?;\n]+[。！？；!?;]?/gu;
/**
 * Sentences that would read as something else once moved: numbering that the parser could take
 * for a heading, table cells glued into text, page furniture, and fragments.
 */
const UNMOVABLE = [
  /[（(][一二三四五六七八九十]{1,3}[)）]/u,
  /(?:^|[^第之百零〇两一二三四五六七八九十])[一二三四五六七八九十]{1,3}[、．]/u,
  /(?:^|[^0-9.])[0-9０-９]{1,2}[.．、](?![0-9０-９])/u,
  /[（(][0-9０-９]{1,2}[)）]/u,
  /附件|附表|统计表|第[一二三四五六七八九十]+部分/u,
  /\d{7,}/u,
];
const MIN_SENTENCE_CHARS = 12;

function familyOf(report: ParsedReport): Family {
  return report.report.layout === 'pre-2019' ? 'pre-2019' : 'national';
}

/** The names a source's text uses for itself, longest first so that 淮安市洪泽区 goes before 淮安市. */
function ownNames(report: ParsedReport): Array<{ name: string; slot: string }> {
  const { issuer, district, city, province } = report.report;
  const names = [
    ...[issuer].filter((name): name is string => Boolean(name)).map((name) => ({ name, slot: '{issuer}' })),
    ...[district, city, province].filter((name): name is string => Boolean(name)).map((name) => ({ name, slot: '{place}' })),
  ];
  return names.sort((a, b) => b.name.length - a.name.length);
}

function toSentence(text: string, report: ParsedReport, year: number): Sentence | null {
  const trimmed = text.trim();
  if (trimmed.length < MIN_SENTENCE_CHARS || UNMOVABLE.some((pattern) => pattern.test(trimmed))) return null;
  let slotted = trimmed;
  for (const { name, slot } of ownNames(report)) slotted = slotted.split(name).join(slot);
  // Years: `2020年`, and document numbers' `〔2020〕`.
  slotted = slotted.replace(/(?:19|20)\d{2}(?=\s*年|〕)/gu, (printed) => `{year${signed(Number(printed) - year)}}`);
  return { text: slotted };
}

const signed = (offset: number) => (offset >= 0 ? `+${offset}` : String(offset));

function sentencesOf(text: string): string[] {
  return text.match(SENTENCE) ?? [];
}

function partOf(report: ParsedReport, anchor: string, depth: number): number | null {
  if (familyOf(report) !== 'national' || depth !== 1) return null;
  const match = /^part-(\d+)$/.exec(anchor);
  return match ? Number(match[1]) : null;
}

/**
 * A report's outline, if it can carry a synthetic report: a 2019+ report with all six parts,
 * or a pre-2019 report with at least three parts; never its preamble, annexes or statistics.
 */
function outlineOf(report: ParsedReport): Outline | null {
  const sections = report.sections
    .filter((section) => section.depth > 0 && !/附件|统计表|附表/u.test(section.heading))
    .map((section) => ({
      heading: section.heading,
      depth: section.depth,
      category: section.category,
      sentences: sentencesOf(section.text).length,
      part: partOf(report, section.anchor, section.depth),
    }));
  const family = familyOf(report);
  const parts = sections.filter((section) => section.depth === 1);
  const usable = family === 'national' ? hasStandardParts(parts) : parts.length >= 3;
  return usable ? { source: report.report.id, family, sections } : null;
}

/** What the titles of parts 1–6 say since 2019; tables 二–四 belong under parts 2–4. */
const STANDARD_PART_TITLES = [/总体情况/u, /主动公开/u, /申请/u, /复议|诉讼/u, /问题|改进/u, /其他/u];

/** Exactly the six standard parts, in order (some real reports number their own parts instead). */
function hasStandardParts(parts: readonly OutlineSection[]): boolean {
  return parts.length === 6 && parts.every((section, index) => section.part === index + 1 && STANDARD_PART_TITLES[index]!.test(section.heading));
}

export function collectMaterial(reports: readonly ParsedReport[]): Material {
  const material: Material = {
    outlines: { national: [], 'pre-2019': [] },
    sentences: { national: new Map(), 'pre-2019': new Map() },
    sources: reports.map((report) => report.report.id).sort(),
  };
  for (const report of reports) {
    const family = familyOf(report);
    const outline = outlineOf(report);
    if (outline) material.outlines[family].push(outline);
    // Sentences carry years relative to their report's: a report that states none gives none.
    const year = report.report.year;
    if (year === null) continue;
    for (const section of report.sections) {
      const pool = material.sentences[family].get(section.category) ?? [];
      for (const text of sentencesOf(section.text)) {
        const sentence = toSentence(text, report, year);
        if (sentence) pool.push(sentence);
      }
      material.sentences[family].set(section.category, pool);
    }
  }
  for (const family of ['national', 'pre-2019'] as const) {
    if (material.outlines[family].length === 0) throw new Error(`no real report can serve as the outline of a ${family} synthetic report`);
  }
  return material;
}

/** The material of every report lib/parse reads in `dataDir` (the bundled data/ by default). */
export async function materialFromFolder(dataDir: string): Promise<Material> {
  const { reports } = await parseFolder(dataDir);
  if (reports.length === 0) throw new Error(`no report in ${dataDir} could be parsed: nothing to make synthetic reports from`);
  return collectMaterial(reports);
}
