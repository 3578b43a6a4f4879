/**
 * The fixed shapes of tables 二, 三 and 四 (国办公开办函〔2019〕60号 and 〔2021〕30号): canonical
 * labels, columns, and the keys that recognise a row in a printed table.
 *
 * Anchors: `t3-` + the row's position in the template, parts joined by '-':
 *   一 → t3-1, 二 → t3-2, 三（一） → t3-3-1, 三（三）2 → t3-3-3-2, 三（六） (single row) → t3-3-6,
 *   三（六）1 → t3-3-6-1, 三（七）总计 → t3-3-7, 四 → t3-4.
 *   Table 四 is one row, `t4`. Table 二: `t2-<item of article 20>-<row in the item>`, e.g.
 *   第二十条第（一）项 规章 → t2-1-1, 第二十条第（六）项 行政强制 → t2-6-2.
 *
 * Keys are matched against folded text with whitespace removed (see labels.ts); each key starts
 * where the printed label starts (its numbering optional), so a key match also tells where a
 * label begins when cells and labels run together.
 */
import type { Category } from '@/lib/report/schema';

export interface TemplateRow {
  /** Anchor of the row, also its identity inside the parser. */
  anchor: string;
  /** Canonical labels from the top group down to this row. */
  path: string[];
  /** Whether the row carries numbers (group headings do not). */
  valued: boolean;
  keys: RegExp[];
  /** Anchor of the enclosing group row, if any. */
  parent: string | null;
}

export const T3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
/** The columns summed by the row identity (all but 总计). */
export const T3_PART_COLUMNS = T3_COLUMNS.slice(0, 6);

export const T4_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
export const T4_OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const T4_COLUMNS = T4_GROUPS.flatMap((g) => T4_OUTCOMES.map((o) => `${g}/${o}`));

export const T4_ROW: Pick<TemplateRow, 'anchor' | 'path'> = {
  anchor: 't4',
  path: ['行政复议、行政诉讼'],
};

export const TABLE_CATEGORY: Record<'二' | '三' | '四', Category> = {
  二: '主动公开',
  三: '依申请公开',
  四: '复议诉讼',
};

const N = (n: number) => `(?:${n}[.、,])?`;
const CN = (cn: string) => `(?:\\(${cn}\\))?`;
const re = (source: string) => new RegExp(source);

const OUTCOMES = '三、本年度办理结果';
const G3 = '（三）不予公开';
const G4 = '（四）无法提供';
const G5 = '（五）不予处理';
const G6 = '（六）其他处理';

/** A row as notes and warnings name it: its label, after its group's for a numbered item. */
export function rowName(row: Pick<TemplateRow, 'path'>): string {
  const label = row.path.at(-1) ?? '';
  const group = row.path.at(-2);
  return group && /^\d/.test(label) ? `${group} ${label}` : label;
}

function row(anchor: string, path: string[], keys: string[], valued = true, parent: string | null = null): TemplateRow {
  return { anchor, path, valued, keys: keys.map(re), parent };
}

/** Table 三 rows in printed order. `otherHandling` chooses the 2021 sub-rows of （六）. */
export function table3Rows(otherHandling: 'single' | 'split'): TemplateRow[] {
  return otherHandling === 'split' ? T3_SPLIT : T3_SINGLE;
}

function buildTable3Rows(otherHandling: 'single' | 'split'): TemplateRow[] {
  const split = otherHandling === 'split';
  return [
    row('t3-1', ['一、本年新收政府信息公开申请数量'], ['(?:一、)?本年新收']),
    row('t3-2', ['二、上年结转政府信息公开申请数量'], ['(?:二、)?上年结转']),
    row('t3-3', [OUTCOMES], ['(?:三、)?本年度办?理结果'], false),
    row('t3-3-1', [OUTCOMES, '（一）予以公开'], [`${CN('一')}予以公开`], true, 't3-3'),
    row('t3-3-2', [OUTCOMES, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], [`${CN('二')}部分公开`], true, 't3-3'),
    row('t3-3-3', [OUTCOMES, G3], [`${CN('三')}不予公开`], false, 't3-3'),
    row('t3-3-3-1', [OUTCOMES, G3, '1.属于国家秘密'], [`${N(1)}属于国家秘密`], true, 't3-3-3'),
    // '其他法律' alone: a PDF prints this label garbled ('2.其他法律行政止公开').
    row('t3-3-3-2', [OUTCOMES, G3, '2.其他法律行政法规禁止公开'], [`${N(2)}其他法律`], true, 't3-3-3'),
    row('t3-3-3-3', [OUTCOMES, G3, '3.危及“三安全一稳定”'], [`${N(3)}危及`, '三安全一稳定'], true, 't3-3-3'),
    row('t3-3-3-4', [OUTCOMES, G3, '4.保护第三方合法权益'], [`${N(4)}保护第三方`], true, 't3-3-3'),
    row('t3-3-3-5', [OUTCOMES, G3, '5.属于三类内部事务信息'], [`${N(5)}属于三类内部事务`], true, 't3-3-3'),
    row('t3-3-3-6', [OUTCOMES, G3, '6.属于四类过程性信息'], [`${N(6)}属于四类过程性`], true, 't3-3-3'),
    row('t3-3-3-7', [OUTCOMES, G3, '7.属于行政执法案卷'], [`${N(7)}属于行政执法案卷`], true, 't3-3-3'),
    row('t3-3-3-8', [OUTCOMES, G3, '8.属于行政查询事项'], [`${N(8)}属于行政查询事项`], true, 't3-3-3'),
    row('t3-3-4', [OUTCOMES, G4], [`${CN('四')}无法提供`], false, 't3-3'),
    row('t3-3-4-1', [OUTCOMES, G4, '1.本机关不掌握相关政府信息'], [`${N(1)}本机关不掌握`], true, 't3-3-4'),
    row('t3-3-4-2', [OUTCOMES, G4, '2.没有现成信息需要另行制作'], [`${N(2)}没有现成信息`], true, 't3-3-4'),
    row('t3-3-4-3', [OUTCOMES, G4, '3.补正后申请内容仍不明确'], [`${N(3)}补正后申请内容`], true, 't3-3-4'),
    row('t3-3-5', [OUTCOMES, G5], [`${CN('五')}不予处理`], false, 't3-3'),
    row('t3-3-5-1', [OUTCOMES, G5, '1.信访举报投诉类申请'], [`${N(1)}信访举报投诉`], true, 't3-3-5'),
    row('t3-3-5-2', [OUTCOMES, G5, '2.重复申请'], [`${N(2)}重复申请`], true, 't3-3-5'),
    row('t3-3-5-3', [OUTCOMES, G5, '3.要求提供公开出版物'], [`${N(3)}要求提供公开出版物`], true, 't3-3-5'),
    row('t3-3-5-4', [OUTCOMES, G5, '4.无正当理由大量反复申请'], [`${N(4)}无正当理由大量反复`], true, 't3-3-5'),
    row('t3-3-5-5', [OUTCOMES, G5, '5.要求行政机关确认或重新出具已获取信息'], [`${N(5)}要求行政机关确认`, '重新出具已获取信息'], true, 't3-3-5'),
    row('t3-3-6', [OUTCOMES, G6], [`${CN('六')}其他处理`], !split, 't3-3'),
    ...(split
      ? [
          row(
            't3-3-6-1',
            [OUTCOMES, G6, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
            [`${N(1)}申请人无正当理由逾期`, '逾期不补正'],
            true,
            't3-3-6',
          ),
          row(
            't3-3-6-2',
            [OUTCOMES, G6, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
            [`${N(2)}申请人逾期未按收费`, '收费通知', '缴纳费用'],
            true,
            't3-3-6',
          ),
          // '3.其他' must not swallow '其他法律…' or '其他处理'; in glued text digits follow it.
          row('t3-3-6-3', [OUTCOMES, G6, '3.其他'], ['3[.、,]其他(?!法律|处理|结果)'], true, 't3-3-6'),
        ]
      : []),
    row('t3-3-7', [OUTCOMES, '（七）总计'], ['\\(七\\)总计'], true, 't3-3'),
    row('t3-4', ['四、结转下年度继续办理'], ['(?:四、)?结转下年度']),
  ];
}

const T3_SINGLE = buildTable3Rows('single');
const T3_SPLIT = buildTable3Rows('split');

export interface Table2Group {
  /** Item of article 20, for the anchor (1, 5, 6, 8, 9). */
  item: number;
  label: string;
  columns: string[];
  /** Unit the column header states (e.g. 本年收费金额（单位：万元）), if any. */
  headerUnits: Record<string, string>;
  rows: TemplateRow[];
}

function t2Group(item: number, cn: string, columns: string[], rows: [string, string[]][], headerUnits: Record<string, string> = {}): Table2Group {
  const label = `第二十条第（${cn}）项`;
  return {
    item,
    label,
    columns,
    headerUnits,
    rows: rows.map(([canonical, keys], i) => row(`t2-${item}-${i + 1}`, [label, canonical], keys)),
  };
}

/** Keys for the group headings of table 二, so that running text can be cut at them. */
export const T2_GROUP_KEY = /第二十条第?\(([一二三四五六七八九十])\)项/;

const REGULATIONS: [string, string[]] = ['规章', ['规章']];
const LICENSING: [string, string[]] = ['行政许可', ['行政许可']];
const PENALTY: [string, string[]] = ['行政处罚', ['行政处罚']];
const COERCION: [string, string[]] = ['行政强制', ['行政强制']];
const FEES: [string, string[]] = ['行政事业性收费', ['行政事业性收费']];

/** Table 二 per layout; the 2019 trial format has other columns and two more rows. */
export function table2Groups(format: '2019' | '2021'): Table2Group[] {
  return format === '2019' ? T2_2019 : T2_2021;
}

function buildTable2Groups(format: '2019' | '2021'): Table2Group[] {
  if (format === '2019') {
    const counts = ['上一年项目数量', '本年增/减', '处理决定数量'];
    return [
      t2Group(1, '一', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [REGULATIONS, ['规范性文件', ['(?:行政)?规范性文件']]]),
      t2Group(5, '五', counts, [LICENSING, ['其他对外管理服务事项', ['其他对外管理服务事项']]]),
      t2Group(6, '六', counts, [PENALTY, COERCION]),
      t2Group(8, '八', ['上一年项目数量', '本年增/减'], [FEES]),
      t2Group(9, '九', ['采购项目数量', '采购总金额'], [['政府集中采购', ['政府集中采购']]]),
    ];
  }
  const decisions = ['本年处理决定数量'];
  return [
    t2Group(1, '一', ['本年制发件数', '本年废止件数', '现行有效件数'], [REGULATIONS, ['行政规范性文件', ['(?:行政)?规范性文件']]], {
      本年制发件数: '件',
      本年废止件数: '件',
      现行有效件数: '件',
    }),
    t2Group(5, '五', decisions, [LICENSING]),
    t2Group(6, '六', decisions, [PENALTY, COERCION]),
    t2Group(8, '八', ['本年收费金额'], [FEES], { 本年收费金额: '万元' }),
  ];
}

const T2_2019 = buildTable2Groups('2019');
const T2_2021 = buildTable2Groups('2021');

/** Header words that tell the two table 二 formats apart, whatever the report's year says. */
export function detectTable2Format(foldedCompact: string, layout: '2019' | '2021'): '2019' | '2021' {
  if (/本年制发件数|本年废止件数|现行有效件数/.test(foldedCompact)) return '2021';
  if (/本年新制作数量|对外公开总数量|上一年项目数量/.test(foldedCompact)) return '2019';
  return layout;
}
