/**
 * Where the tables are. Each table is found by the heading or header text the 2019 and 2021
 * formats print around it, searched in the order the tables come in, so that the same words in
 * the report's introduction ("全文包括……收到和处理政府信息公开申请情况……") are not taken for them.
 */
import { Doc, type DocLine, type Pos } from './doc';

export interface Region {
  start: Pos;
  end: Pos;
  lines: DocLine[];
}

export interface TableRegions {
  t2: Region | null;
  t3: Region | null;
  t4: Region | null;
}

const T2_START = /第二十条第?\([一五六八九]\)项/;
const T3_HEADING = /(?:[一二三四五六七八九十]、[^。]{0,8}?|表三:?)收到和处理政府信息公开申请情况/;
const T3_HEADER = /\(本列数据的勾稽关系|申请人情况|本年新收政府信息公开申请数量/;
const T4_HEADING = /[一二三四五六七八九十]、[^。]{0,20}?行政法?复议[^。]{0,12}?行政诉讼[^。]{0,6}?情况/;
const T4_HEADER = /行政复议行政诉讼|行政复议\S{0,4}结果维持/;
/** What follows table 四: part 五, or a department report's own '（一）主要问题'. */
const AFTER_T4 = /[五六七]、|\(一\)/;
/** A top-level heading other than table 三's own row 四、结转…, to bound table 三 when 四 is missing. */
const AFTER_T3 = /[四五六]、(?!结转)/;

function region(doc: Doc, start: Pos, end: Pos): Region {
  return { start, end, lines: doc.slice(start, end) };
}

export function locateTables(doc: Doc): TableRegions {
  const t2Start = doc.find(T2_START);
  const t3Heading = doc.find(T3_HEADING, t2Start?.start);
  const t3Start = t3Heading ? t3Heading.end : (doc.find(T3_HEADER, t2Start?.start)?.start ?? null);

  const t4Heading = doc.find(T4_HEADING, t3Start ?? t2Start?.start) ?? doc.find(T4_HEADER, t3Start ?? t2Start?.start);
  const t4Start = t4Heading ? (T4_HEADING.test(t4Heading.text) ? t4Heading.end : t4Heading.start) : null;

  const t2End = t3Heading?.start ?? t3Start ?? t4Heading?.start ?? null;
  const t2 = t2Start && t2End ? region(doc, t2Start.start, t2End) : null;

  let t3: Region | null = null;
  if (t3Start) {
    const end = t4Heading?.start ?? doc.find(AFTER_T3, t3Start)?.start ?? doc.end;
    t3 = region(doc, t3Start, end);
  }

  let t4: Region | null = null;
  if (t4Start) t4 = region(doc, t4Start, doc.find(AFTER_T4, t4Start)?.start ?? doc.end);
  return { t2, t3, t4 };
}

const STATS_START = /指标名称/;
const STATS_END = /附件下载|附件\d*[:：]?\S{0,30}?(?:下载|\.(?:doc|xls|pdf))/;

/** The pre-2019 统计表 (指标名称 / 计量单位 / 本年度 / 历年累计), if the report has one. */
export function locateStatistics(doc: Doc): Region | null {
  const start = doc.find(STATS_START);
  if (!start) return null;
  return region(doc, start.start, doc.find(STATS_END, start.end)?.start ?? doc.end);
}
