/**
 * One synthetic report: a real report's outline, each section's text recombined from real
 * sentences of the same disclosure category (names, years and figures in them replaced), a
 * real administrative division as issuer, and, for 2019+ reports, tables whose figures
 * satisfy the identities.
 */
import type { Category, Layout } from '@/lib/report/schema';
import { generateFigures, type ReportFigures } from './figures';
import type { SyntheticIssuer } from './issuers';
import type { Family, Material, Outline, Sentence } from './material';
import type { Random } from './random';

export interface SyntheticSection {
  heading: string;
  depth: number;
  /** Part number (1–6) of a 2019+ top-level heading: tables 二–四 close parts 2–4. */
  part: number | null;
  /** Paragraphs of the section's own text. */
  paragraphs: string[];
}

export interface SyntheticReport {
  year: number;
  layout: Layout;
  title: string;
  issuer: SyntheticIssuer;
  /** Id of the real report whose outline this one follows. */
  outlineSource: string;
  sections: SyntheticSection[];
  figures: ReportFigures | null;
}

const NATIONAL_YEARS = [2019, 2025] as const;
const PRE_2019_YEARS = [2012, 2018] as const;
/** Share of 2019+ reports: the national format has been used since, and the web keeps the recent years. */
const NATIONAL_SHARE = 0.75;
const SENTENCES_PER_PARAGRAPH = 4;

function fill(template: string, issuer: SyntheticIssuer, year: number): string {
  return template
    .replaceAll('{issuer}', issuer.issuer)
    .replaceAll('{place}', issuer.placeName)
    .replace(/\{year([+-]\d+)\}/gu, (_, offset: string) => String(year + Number(offset)));
}

/**
 * Every figure of a sentence template gets other digits of the same length; slots (years) and
 * dates (`1月1日`, `第3季度`) keep theirs, so that the text still reads as a report.
 */
function newFigures(template: string, random: Random): string {
  return template.replace(/\{[^}]*\}|(?<![第\d.])\d+(?![\d.]*\s*[月日季])/gu, (match) =>
    match.startsWith('{') ? match : Array.from(match, (_, index) => String(index === 0 && match.length > 1 ? random.int(1, 9) : random.int(0, 9))).join(''),
  );
}

function sentencePool(material: Material, family: Family, category: Category): Sentence[] {
  const pools = material.sentences[family];
  const pool = pools.get(category);
  if (pool && pool.length > 0) return pool;
  // A category no real report of this family has text for: any sentence of the family.
  return [...pools.values()].flat();
}

function paragraphsOf(sentences: string[]): string[] {
  const paragraphs: string[] = [];
  for (let at = 0; at < sentences.length; at += SENTENCES_PER_PARAGRAPH) paragraphs.push(sentences.slice(at, at + SENTENCES_PER_PARAGRAPH).join(''));
  return paragraphs;
}

function composeSections(random: Random, material: Material, outline: Outline, issuer: SyntheticIssuer, year: number): SyntheticSection[] {
  return outline.sections.map((section) => {
    const pool = sentencePool(material, outline.family, section.category);
    const count = section.sentences === 0 ? 0 : Math.max(1, section.sentences + random.int(-1, 2));
    const sentences = Array.from({ length: count }, () => fill(newFigures(random.pick(pool).text, random), issuer, year));
    return { heading: section.heading, depth: section.depth, part: section.part, paragraphs: paragraphsOf(sentences) };
  });
}

export function composeReport(random: Random, material: Material, issuer: SyntheticIssuer): SyntheticReport {
  const family: Family = random.chance(NATIONAL_SHARE) ? 'national' : 'pre-2019';
  const [first, last] = family === 'national' ? NATIONAL_YEARS : PRE_2019_YEARS;
  const year = random.int(first, last);
  const layout: Layout = family === 'pre-2019' ? 'pre-2019' : year <= 2020 ? '2019' : '2021';
  const outline = random.pick(material.outlines[family]);
  return {
    year,
    layout,
    title: `${issuer.issuer}${year}年政府信息公开工作年度报告`,
    issuer,
    outlineSource: outline.source,
    sections: composeSections(random, material, outline, issuer, year),
    figures: layout === 'pre-2019' ? null : generateFigures(random, layout),
  };
}

/**
 * The same report republished by another body (as 平潭县 and 平潭综合实验区 did in 2011): the
 * text and figures stay, the names change. The duplicate detector should pair them.
 */
export function republish(report: SyntheticReport, issuer: SyntheticIssuer): SyntheticReport {
  const rename = (text: string) => text.replaceAll(report.issuer.issuer, issuer.issuer).replaceAll(report.issuer.placeName, issuer.placeName);
  return {
    ...report,
    title: `${issuer.issuer}${report.year}年政府信息公开工作年度报告`,
    issuer,
    sections: report.sections.map((section) => ({ ...section, paragraphs: section.paragraphs.map(rename) })),
  };
}
