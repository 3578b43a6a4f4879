/**
 * Parsed reports for tests of the indexer, built from the real text of the project's source
 * report (data/2020-hangzhou-xiacheng-qu.txt): its preamble, two sections of part 一 and two
 * table rows with the figures it prints. Overrides make copies under other ids, years, issuers.
 */
import { readFileSync } from 'node:fs';
import { ParsedReport, type Section, type TableRow } from '@/lib/report/schema';

const LINES = readFileSync('data/2020-hangzhou-xiacheng-qu.txt', 'utf8').split('\n');
export const lineAfter = (heading: string) => LINES[LINES.findIndex((line) => line.trim() === heading) + 1]!;

export const SECTIONS: Section[] = [
  { anchor: 'preamble', headingPath: [], heading: '', depth: 0, text: LINES[1]!, category: '总体情况' },
  { anchor: 'part-1', headingPath: ['一、总体情况'], heading: '一、总体情况', depth: 1, text: '', category: '总体情况' },
  {
    anchor: 'part-1-1',
    headingPath: ['一、总体情况', '（一）主动公开情况'],
    heading: '（一）主动公开情况',
    depth: 2,
    text: lineAfter('（一）主动公开情况'),
    category: '主动公开',
  },
  {
    anchor: 'part-1-2',
    headingPath: ['一、总体情况', '（二）依申请公开情况'],
    heading: '（二）依申请公开情况',
    depth: 2,
    text: lineAfter('（二）依申请公开情况'),
    category: '依申请公开',
  },
];

export const COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
export const byColumn = (numbers: number[]) => Object.fromEntries(numbers.map((value, index) => [COLUMNS[index]!, value]));

export const ROWS: TableRow[] = [
  {
    table: '三',
    path: ['三、本年度办理结果', '（一）予以公开'],
    label: '（一）予以公开',
    values: byColumn([97, 3, 0, 0, 0, 0, 100]),
    units: {},
    status: 'read',
    note: null,
    raw: '97\t3\t0\t0\t0\t0\t100',
    anchor: 't3-r3-1',
    category: '依申请公开',
  },
  {
    table: '二',
    path: ['第二十条第（九）项', '政府集中采购'],
    label: '政府集中采购',
    values: { 采购项目数量: 588, 采购总金额: 202529227.9 },
    units: { 采购项目数量: '项', 采购总金额: '元' },
    status: 'read',
    note: null,
    raw: '588项\t202529227.9元',
    anchor: 't2-r9-1',
    category: '主动公开',
  },
];

export function sampleReport(
  overrides: { id?: string; year?: number; issuer?: string; duplicates?: ParsedReport['duplicates']; sections?: Section[]; rows?: TableRow[] } = {},
): ParsedReport {
  return ParsedReport.parse({
    report: {
      id: overrides.id ?? '2020-hangzhou-xiacheng-qu',
      title: '2020年下城区政府信息公开工作年度报告',
      year: overrides.year ?? 2020,
      issuer: overrides.issuer ?? '杭州市下城区人民政府',
      province: '浙江省',
      city: '杭州市',
      district: '下城区',
      level: '区县级',
      layout: '2019',
      sourceUrl: null,
      sourceFile: '2020-hangzhou-xiacheng-qu.txt',
      provenance: null,
      publishedAt: null,
    },
    sections: overrides.sections ?? SECTIONS,
    rows: overrides.rows ?? ROWS,
    checks: [],
    warnings: [],
    duplicates: overrides.duplicates ?? [],
  });
}
