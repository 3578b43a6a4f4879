/**
 * A report's metadata: from its manifest entry where there is one, otherwise from what the
 * file says about itself: the crawler header or page title, the title printed at the top of
 * the body, and the place names in them, completed from GB/T 2260 (lib/places).
 */
import type { Block, FileHeader } from '@/lib/ingest/types';
import { provincesMentioned, resolvePlace } from '@/lib/places';
import type { Layout, Level, ReportMeta, Warning } from '@/lib/report/schema';
import { ParseError } from './errors';
import { LAYOUT_NAME, layoutForYear, layoutFromTableColumns } from './layout';
import type { ManifestEntry, ManifestLevel } from './manifest';

export interface MetadataInput {
  id: string;
  sourceFile: string;
  header: FileHeader;
  manifest?: ManifestEntry;
  /** The title printed at the top of the body, if any. */
  printedTitle: string | null;
  /** The report's running text, for what the title does not say (the statistics period, a province). */
  bodyText: string;
  blocks: Block[];
}

const LEVEL_FACET: Record<ManifestLevel, Level> = {
  province: '省级',
  city: '市级',
  district: '区县级',
  county: '区县级',
  department: '部门',
  town: '乡镇街道',
};

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;
/** `本报告所列数据的统计期限自2011年1月1日起…`: the report year when the title has none. */
const STATISTICS_PERIOD = /统计(?:期限|时限|周期)[^。]{0,6}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;
/** What follows the issuer in a title: `2011年政府信息公开工作年度报告`, `2013年信息公开年度报告`. */
const REPORT_WORDS = /(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度报告|年报|工作报告)$/;
/** A government's own general office publishes for the government; any other body is a department. */
const GOVERNMENT_OFFICE = /(?:人民政府|政府)(?:办公厅|办公室)$/;
const DEPARTMENT = /(?:局|委员会|委|厅|办公室|办|中心|署|院|所|队|站|处|会)$/;
const GOVERNMENT = /(?:人民政府|政府|管委会|管理委员会|行政公署)$/;
const TOWN = /(?:镇|乡|街道|街道办事处)(?:人民政府|政府|办事处)?$/;
/** A county-level name the division data may not know (merged since: 下城区), kept as printed. */
const DISTRICT_NAME = /([\u4e00-\u9fff]{1,8}?(?:区|县|旗))(?:人民政府|政府|管委会|$)/;

function yearOf(title: string, bodyText: string): number | null {
  const found = YEAR_IN_TITLE.exec(title) ?? STATISTICS_PERIOD.exec(bodyText);
  return found ? Number(found[1]) : null;
}

/** The issuer a title names: the title without its year and report words (`平潭县人民政府`). */
export function issuerFromTitle(title: string): string | null {
  const issuer = title
    .replace(/(?:19|20)\d{2}\s*年度?/, '')
    .replace(REPORT_WORDS, '')
    .trim();
  return issuer.length >= 2 ? issuer : null;
}

function levelOf(issuer: string, place: { city: string | null; district: string | null }, divisionLevel: string | null): Level {
  if (TOWN.test(issuer)) return '乡镇街道';
  if (!GOVERNMENT.test(issuer) && !GOVERNMENT_OFFICE.test(issuer) && DEPARTMENT.test(issuer)) return '部门';
  if (place.district) return '区县级';
  if (divisionLevel === 'province') return '省级';
  return place.city ? '市级' : '省级';
}

/** A county-level name printed after its city (`杭州市下城区人民政府` → 下城区) that GB/T 2260 lacks. */
function unlistedDistrict(source: string, after: string): string | null {
  const at = source.indexOf(after);
  return DISTRICT_NAME.exec(at === -1 ? source : source.slice(at + after.length))?.[1] ?? null;
}

interface Place {
  province: string;
  city: string | null;
  district: string | null;
  divisionLevel: string | null;
}

function placeOf(input: MetadataInput, issuer: string, title: string, warnings: Warning[]): Place {
  const sources = [issuer, title, input.header.issuer ?? ''];
  for (const source of sources) {
    const resolved = resolvePlace(source);
    if (!resolved) continue;
    const district = resolved.district ?? unlistedDistrict(source, resolved.city ?? resolved.province);
    return { province: resolved.province, city: resolved.city, district, divisionLevel: resolved.division.level };
  }
  const mentioned = provincesMentioned(input.bodyText)[0];
  if (!mentioned) {
    throw new ParseError(input.sourceFile, `发布机关“${issuer}”、标题和正文中都找不到地名，数据清单中也没有这份文件`);
  }
  warnings.push({
    code: 'place-from-text',
    message: `“${issuer}”中没有 GB/T 2260 所列的地名；省份“${mentioned.province}”取自报告正文（出现 ${mentioned.count} 次）`,
    anchor: null,
  });
  return { province: mentioned.province, city: null, district: unlistedDistrict(issuer, ''), divisionLevel: null };
}

function fromFile(input: MetadataInput, warnings: Warning[]): Omit<ReportMeta, 'layout'> & { layout?: Layout } {
  const title = input.header.title?.trim() || input.printedTitle;
  if (!title) throw new ParseError(input.sourceFile, '文件头和正文开头都没有报告标题，数据清单中也没有这份文件');
  const year = yearOf(title, input.bodyText);
  if (year === null) throw new ParseError(input.sourceFile, `标题“${title}”和统计期限中都没有报告年度`);
  const issuer = issuerFromTitle(title) ?? input.header.issuer?.trim();
  if (!issuer) throw new ParseError(input.sourceFile, `标题“${title}”和文件头中都没有发布机关`);
  const place = placeOf(input, issuer, title, warnings);
  return {
    id: input.id,
    title,
    year,
    issuer,
    province: place.province,
    city: place.city,
    district: place.district,
    level: levelOf(issuer, place, place.divisionLevel),
    sourceUrl: input.header.sourceUrl ?? null,
    sourceFile: input.sourceFile,
    provenance: null,
    publishedAt: input.header.publishedAt ?? null,
    synthetic: false,
  };
}

function fromManifest(input: MetadataInput, entry: ManifestEntry): Omit<ReportMeta, 'layout'> & { layout?: Layout } {
  return {
    id: input.id,
    title: entry.title,
    year: entry.year,
    issuer: entry.issuer,
    province: entry.province,
    city: entry.city ?? null,
    district: entry.district ?? null,
    level: LEVEL_FACET[entry.level],
    layout: entry.layout,
    sourceUrl: entry.source_url ?? input.header.sourceUrl ?? null,
    sourceFile: input.sourceFile,
    provenance: entry.provenance ?? null,
    publishedAt: entry.published_at ?? input.header.publishedAt ?? null,
    synthetic: entry.synthetic ?? false,
  };
}

/**
 * The layout the year (or the manifest) gives, checked against table 二's columns: where the
 * columns show the other format, the columns win (the tables must be read as printed) and
 * the disagreement is reported.
 */
function confirmLayout(stated: Layout, blocks: Block[], warnings: Warning[]): Layout {
  const printed = layoutFromTableColumns(blocks);
  if (!printed || printed === stated) return stated;
  warnings.push({
    code: 'layout-mismatch',
    message: `按年度或数据清单应为 ${LAYOUT_NAME[stated]}，但表二的列属于 ${LAYOUT_NAME[printed]}；已按 ${LAYOUT_NAME[printed]}读取`,
    anchor: null,
  });
  return printed;
}

export function deriveMetadata(input: MetadataInput): { report: ReportMeta; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const base = input.manifest ? fromManifest(input, input.manifest) : fromFile(input, warnings);
  const layout = confirmLayout(base.layout ?? layoutForYear(base.year), input.blocks, warnings);
  return { report: { ...base, layout }, warnings };
}
