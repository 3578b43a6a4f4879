/**
 * A report's metadata, from every place it can be read: the manifest entry when there is one
 * (it wins); otherwise the file's header (crawler, CMS or page metadata), the title printed at
 * the top, the body's own sentences (`现公布…年度报告`, `本报告由…编制`, the statistics period),
 * the page's address and the file name. Each field records where it came from. A field that
 * cannot be read stays empty, is listed in `missing` and explained in a warning: never guessed,
 * and never a reason to refuse a report.
 */
import type { Block, FileHeader } from '@/lib/ingest/types';
import type { Layout, Level, MetaField, MetaSource, ReportMeta, Warning } from '@/lib/report/schema';
import { LAYOUT_NAME, layoutForYear, layoutFromTableColumns } from '../layout';
import type { ManifestEntry, ManifestLevel } from '../manifest';
import { reportIssuer } from './issuer';
import { reportPlace, type FoundPlace } from './place';
import { cleanTitle, isReportTitle, issuerPartOf, titleCandidates, type TitleCandidate } from './title';
import { reportYear } from './year';
import { yearIn } from './years';

export interface MetadataInput {
  id: string;
  sourceFile: string;
  /** What the file says about itself (crawler or CMS header, page metadata, fields before the title), as read. */
  header: FileHeader;
  /** The header's title as published (before conversion to simplified characters). */
  displayHeaderTitle?: string;
  manifest?: ManifestEntry;
  /** The title printed at the top of the body, if any, and as published. */
  printedTitle: TitleCandidate | null;
  displayPrintedTitle?: string | null;
  /** The report's running text, as read. */
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

/** A government's own general office publishes for the government; any other body is a department. */
const GOVERNMENT_OFFICE = /(?:人民政府|政府)(?:办公厅|办公室)$/;
const DEPARTMENT = /(?:局|委员会|委|厅|办公室|办|中心|署|院|所|队|站|处|会)$/;
const GOVERNMENT = /(?:人民政府|政府|管委会|管理委员会|行政公署)$/;
const TOWN = /(?:镇|乡|街道|街道办事处)(?:人民政府|政府|办事处)?$/;

function levelOf(issuer: string, place: FoundPlace | null): Level | null {
  if (TOWN.test(issuer)) return '乡镇街道';
  if (!GOVERNMENT.test(issuer) && !GOVERNMENT_OFFICE.test(issuer) && DEPARTMENT.test(issuer)) return '部门';
  if (!place) return null;
  if (place.district) return '区县级';
  if (place.divisionLevel === 'province') return '省级';
  return place.city ? '市级' : '省级';
}

interface ChosenTitle {
  title: string;
  /** As published, for display. */
  shown: string;
  source: MetaSource;
}

/** The title: a year-bearing one first (header, then printed), then one without a year, then a sentence's. */
function chooseTitle(input: MetadataInput, sentences: TitleCandidate[]): ChosenTitle | null {
  const headerTitle = input.header.title ? cleanTitle(input.header.title) : '';
  const header: ChosenTitle | null = isReportTitle(headerTitle)
    ? { title: headerTitle, shown: cleanTitle(input.displayHeaderTitle ?? input.header.title ?? headerTitle), source: 'header' }
    : null;
  const printed: ChosenTitle | null = input.printedTitle
    ? { title: input.printedTitle.title, shown: input.displayPrintedTitle ?? input.printedTitle.title, source: 'title' }
    : null;
  const sentence: ChosenTitle | null = sentences[0] ? { title: sentences[0].title, shown: sentences[0].title, source: 'sentence' } : null;
  const ordered = [header, printed].filter((t): t is ChosenTitle => t !== null);
  return ordered.find((t) => yearIn(t.title) !== null) ?? ordered[0] ?? sentence;
}

function missingWarning(field: MetaField, why: string): Warning {
  const names: Record<MetaField, string> = { title: '标题', year: '报告年度', issuer: '发布机关', province: '省份', city: '城市', district: '区县' };
  return { code: 'metadata-missing', message: `未能读出${names[field]}：${why}`, anchor: null };
}

function fromFile(input: MetadataInput, warnings: Warning[]): Omit<ReportMeta, 'layout'> & { layout?: Layout } {
  const sentences = titleCandidates(input.bodyText).filter((c) => c.kind === 'sentence');
  const chosen = chooseTitle(input, sentences);
  const titles = [chosen?.title, input.printedTitle?.title, ...sentences.map((s) => s.title)].filter((t): t is string => Boolean(t));
  const titleWithIssuer = titles.find((t) => issuerPartOf(t) !== null) ?? null;

  const year = reportYear({
    title: chosen?.title ?? null,
    bodyText: input.bodyText,
    sentenceYears: sentences.flatMap((s) => (s.year === null ? [] : [s.year])),
    publishedAt: input.header.publishedAt ?? null,
    fileName: input.sourceFile,
  });
  const issuer = reportIssuer({
    title: titleWithIssuer,
    titleSource: titleWithIssuer === chosen?.title ? (chosen?.source ?? null) : 'sentence',
    headerIssuer: input.header.issuer,
    site: input.header.site,
    bodyText: input.bodyText,
  });
  const names = [issuer?.issuer, titleWithIssuer ? issuerPartOf(titleWithIssuer) : null, input.header.issuer]
    .filter((name): name is string => Boolean(name))
    .map((name) => ({ name, source: issuer?.source ?? 'title' }));
  const place = reportPlace({ names, bodyText: input.bodyText, urls: input.header.sourceUrl ? [input.header.sourceUrl] : [] }, warnings);
  // An issuer written with its county's short form takes the county's official name (关岭自治县 → 关岭布依族苗族自治县).
  if (issuer && place?.written && place.district) issuer.issuer = issuer.issuer.replace(place.written, place.district);
  const level = issuer ? levelOf(issuer.issuer, place) : null;

  const missing: MetaField[] = [];
  const miss = (field: MetaField, why: string) => {
    missing.push(field);
    warnings.push(missingWarning(field, why));
  };
  if (!chosen) miss('title', '文件头、正文开头和正文句子中都没有报告标题');
  if (!year) miss('year', '标题、统计期限、正文和发布日期中都没有报告年度');
  if (!issuer) miss('issuer', '标题、“本报告由…编制”和文件头中都没有发布机关');
  if (!place) miss('province', '发布机关、标题、正文和网页地址中都没有可识别的地名');
  else {
    if (!place.city && (level === '市级' || level === '区县级' || level === '乡镇街道') && place.divisionLevel !== 'province') {
      miss('city', `已知省份“${place.province}”，但没有可识别的城市`);
    }
    if (!place.district && (level === '区县级' || level === '乡镇街道')) miss('district', '发布机关是区县或乡镇，但没有可识别的区县名称');
  }

  const composed = [issuer?.issuer, year ? `${year.year}年` : null].filter(Boolean).join('');
  const title = chosen?.shown ?? (composed ? `${composed}政府信息公开工作年度报告` : input.id);
  return {
    id: input.id,
    title,
    year: year?.year ?? null,
    issuer: issuer?.issuer ?? null,
    province: place?.province ?? null,
    city: place?.city ?? null,
    district: place?.district ?? null,
    level,
    sources: {
      title: chosen?.source ?? (composed ? 'composed' : 'file-name'),
      ...(year ? { year: year.source } : {}),
      ...(issuer ? { issuer: issuer.source } : {}),
      ...(place ? { place: place.source } : {}),
    },
    missing,
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
    sources: { title: 'manifest', year: 'manifest', issuer: 'manifest', place: 'manifest' },
    missing: [],
    sourceUrl: entry.source_url ?? input.header.sourceUrl ?? null,
    sourceFile: input.sourceFile,
    provenance: entry.provenance ?? null,
    publishedAt: entry.published_at ?? input.header.publishedAt ?? null,
    synthetic: entry.synthetic ?? false,
  };
}

/** Table 三's row names: a report with them follows a 2019+ format whatever its year says. */
const TABLE_THREE = /本年新收政府信息公开申请数量|收到和处理政府信息公开申请情况/;

/**
 * The layout the year (or the manifest) gives, checked against table 二's columns: where the
 * columns show the other format, the columns win (the tables must be read as printed) and
 * the disagreement is reported. Without a year, the columns decide, else table 三's presence.
 */
function confirmLayout(stated: Layout | null, blocks: Block[], bodyText: string, warnings: Warning[]): Layout {
  const printed = layoutFromTableColumns(blocks);
  if (!stated)
    return printed ?? (TABLE_THREE.test(bodyText) || blocks.some((b) => b.type === 'table' && TABLE_THREE.test(b.rows.flat().join(''))) ? '2021' : 'pre-2019');
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
  const stated = base.layout ?? (base.year === null ? null : layoutForYear(base.year));
  const layout = confirmLayout(stated, input.blocks, input.bodyText, warnings);
  return { report: { ...base, layout }, warnings };
}
