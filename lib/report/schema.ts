/**
 * The structured report: what ingest + parse produce and what the indexer, the API and the
 * pages consume. One zod schema per shape, so `npm run parse -- --json` output, the index and
 * `/api/reports/[id]` all agree on one contract.
 */
import { z } from 'zod';

/** 2019 trial format covers the 2019 and 2020 reports, 2021 format 2021 onwards. */
export const LAYOUTS = ['pre-2019', '2019', '2021'] as const;
export const Layout = z.enum(LAYOUTS);
export type Layout = z.infer<typeof Layout>;

/** 层级, stored and shown in Chinese because it is a facet value readers see. */
export const LEVELS = ['省级', '市级', '区县级', '部门', '乡镇街道'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** 公开类别: the disclosure type of a section or table row (domain.md, "Facets"). */
export const CATEGORIES = ['总体情况', '主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障', '收费减免', '复议诉讼', '问题与改进', '其他'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Where a metadata field was read from, most authoritative first. */
export const META_SOURCES = ['manifest', 'header', 'title', 'statistics-period', 'sentence', 'body', 'published-date', 'url', 'file-name', 'composed'] as const;
export const MetaSource = z.enum(META_SOURCES);
export type MetaSource = z.infer<typeof MetaSource>;

/** Fields a report is expected to state that could not be read (not those that do not apply: a province's city). */
export const MetaField = z.enum(['title', 'year', 'issuer', 'province', 'city', 'district']);
export type MetaField = z.infer<typeof MetaField>;

/**
 * The facet value of a place or issuer a report does not state (`missing`), so that readers can
 * find and filter such reports; never stored in the report itself.
 */
export const UNMARKED = '未标明';

export const ReportMeta = z.object({
  /** Stable, URL-safe id: the data file's base name without extension (e.g. `2020-hangzhou-xiacheng-qu`). */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  /** As printed (traditional characters stay traditional); composed from what is known when the report prints none. */
  title: z.string().min(1),
  /** The year reported on (a 2024 report published in 2025 is 2024); null when the report does not say. */
  year: z.number().int().min(2000).max(2100).nullable(),
  /** The issuing body (`北京市人民政府`, not `北京市`); null when the report does not say. */
  issuer: z.string().min(1).nullable(),
  /** Null when no place could be read; never guessed. */
  province: z.string().min(1).nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  /** Null when neither the issuer nor the place shows it. */
  level: Level.nullable(),
  layout: Layout,
  /** Where the title, year, issuer and place were read from. */
  sources: z.object({ title: MetaSource, year: MetaSource, issuer: MetaSource, place: MetaSource }).partial().default({}),
  /** Fields the report should state that could not be read; each has a `metadata-missing` warning saying why. */
  missing: z.array(MetaField).default([]),
  /** Where the report was published, when known (crawler header 原文链接 or manifest). */
  sourceUrl: z.string().nullable(),
  /** Path of the file the report was read from, relative to the data folder. */
  sourceFile: z.string(),
  /** Provenance note kept with the public document (repository, path, commit), free text. */
  provenance: z.string().nullable(),
  /** Publishing date as printed (发布时间), when known; not the report year. */
  publishedAt: z.string().nullable(),
  /** Synthetic reports (benchmark scale data) are marked so they can never pass as real. */
  synthetic: z.boolean().default(false),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

export const Section = z.object({
  /** Readable, stable anchor: `part-1-2` for 一（二）; `preamble` for text before the first heading. */
  anchor: z.string().regex(/^[a-z0-9-]+$/),
  /** Headings from the top part down to this section, as printed (numbering included). */
  headingPath: z.array(z.string()),
  heading: z.string(),
  /** Depth in the heading tree: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; 0 for the preamble. */
  depth: z.number().int().min(0).max(6),
  /** The section's own text (not its children's), as printed; never altered for display. */
  text: z.string(),
  category: Category,
});
export type Section = z.infer<typeof Section>;

export const TABLES = ['二', '三', '四', '统计表'] as const;
export const TableId = z.enum(TABLES);
export type TableId = z.infer<typeof TableId>;

export const RowStatus = z.enum(['read', 'inferred', 'unreadable']);
export type RowStatus = z.infer<typeof RowStatus>;

export const TableRow = z.object({
  table: TableId,
  /** Labels from the group down to this row, canonical wording (e.g. ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']). */
  path: z.array(z.string()),
  /** The row's own label as canonical wording (last element of `path`). */
  label: z.string(),
  /** Numbers keyed by column name; a column the parser could not read is absent (never 0). */
  values: z.record(z.string(), z.number()),
  /** Unit per column where the report states one (项, 件, 元, 万元). */
  units: z.record(z.string(), z.string()).default({}),
  status: RowStatus,
  /** For `inferred`: the identity that made the reading unique; for `unreadable`: why. */
  note: z.string().nullable(),
  /** The raw cells as found in the file, for audit. */
  raw: z.string(),
  /** Stable anchor: `t3-r3-3-1` style, unique in the report. */
  anchor: z.string().regex(/^[a-z0-9-]+$/),
  category: Category,
});
export type TableRow = z.infer<typeof TableRow>;

export const Check = z.object({
  table: TableId,
  /** Identity name, e.g. `t3.balance` (一 + 二 = 三（七） + 四). */
  rule: z.string(),
  /** Human-readable rule, Chinese. */
  description: z.string(),
  column: z.string(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  ok: z.boolean(),
  /** Anchor of the row the check is about (the total row). */
  anchor: z.string().nullable(),
});
export type Check = z.infer<typeof Check>;

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  anchor: z.string().nullable().default(null),
});
export type Warning = z.infer<typeof Warning>;

export const ParsedReport = z.object({
  report: ReportMeta,
  sections: z.array(Section),
  rows: z.array(TableRow),
  checks: z.array(Check),
  warnings: z.array(Warning),
  /** Ids of reports whose body is the same or nearly the same (filled in across a corpus). */
  duplicates: z.array(z.object({ id: z.string(), similarity: z.number() })).default([]),
});
export type ParsedReport = z.infer<typeof ParsedReport>;
