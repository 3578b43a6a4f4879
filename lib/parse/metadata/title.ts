/**
 * Finding a report's title in the text a file starts with. Titles come in the shapes saved
 * pages and exports give them: alone on a line, broken over two or three short lines by a PDF
 * or Word's spans, glued to the first paragraph of a one-line export, after a breadcrumb
 * (`首页 > 政务公开 > 平潭综合实验区2011年…年度报告`), marked up (`# …`, `**…**`), or only
 * inside a sentence (`现公布贵州省机关事务管理局2020年政府信息公开工作年度报告`). What is
 * not a title: a citation (`《关于做好2019年政府信息公开工作年度报告有关事项的通知》`), a
 * breadcrumb, a notice about reports, a column name.
 */
import { foldDigits, YEAR_EXPRESSION, yearIn } from './years';

export type TitleKind = 'line' | 'glued' | 'sentence';

export interface TitleCandidate {
  /** The title as one line, markup and line breaks removed. */
  title: string;
  /** Offsets of the title as printed in the text it was found in. */
  start: number;
  end: number;
  /** Alone on its line(s); printed with other text on its line (a one-line export, a breadcrumb); inside a sentence. */
  kind: TitleKind;
  year: number | null;
}

/** How a report title ends; the boundary check after it rules out `年度报告编制…`. */
const REPORT_END = /(?:年度报告|年报|工作报告|情况报告|的报告)/g;
/** What may follow a title: nothing, space, punctuation that closes it. */
const CLOSES_TITLE = /^(?:$|[\s。，,；;：:！!？?)）】\]」|｜_\-—–/<]|\*\*)/;
/**
 * Words that continue the name of a report into something else (`…年度报告编制发布有关事项的通知`,
 * `…年度报告格式`): a title glued to what follows it is one only when none of these follow.
 */
const CONTINUES_NAME = /^(?:编制|发布|有关|的通知|通知|的要求|要求|格式|撰写|报送|填报|模板|工作|如下|中|里|等|和|及|与|的)/;
/** A trailing year in brackets belongs to the title: `…年度报告（2019年度）`. */
const BRACKETED_YEAR = /^\s*[（(]\s*(?:19|20)\d{2}\s*年?度?\s*[)）]/;
/** Characters a title can start after. */
const STARTS_AFTER = /[\s>›»|｜】\]:：，,。；;、（(#*]/;
/** Quoted or cited: the title of something else (`《…年度报告》`, `“…年度报告”`). */
const CITED_BEFORE = /[《〈“"「『]/;
const CITED_AFTER = /^[》〉”"」』]/;

/** A title is at most this long; a line of a broken title at most LINE_MAX. */
const TITLE_MAX = 64;
const LINE_MAX = 40;

const SENTENCE_PUNCTUATION = /[。，,；;！!？?《》〈〉“”"<>|｜›»：:]/;
const CHROME_WORDS = /首页|当前位置|您的位置|所在位置|浏览次数|访问量|字体|打印|关闭|分享|来源|发布时间|登录|注册/;
/** A notice or rule about reports, not a report: `关于做好…年度报告…`, `…通知`. */
const NOT_A_REPORT = /关于(?:开展|做好|印发|报送|编制|组织|认真|进一步|加强|规范)|通知|意见|要求|办法|规定|格式|公布|发布|印发/;
/** `现公布`, `特向社会公布`, `现将…予以公布`: a sentence that names the report it introduces. */
const PUBLISHING_VERB = /^(?:现将|现|特此|特向社会|向社会|社会|特)?(?:公布|发布|印发|公开|报送|呈报|编制)(?:了)?/;

/** The words that follow the issuer and year in a title (`政府信息公开工作年度报告`, `信息公开年报`). */
const REPORT_WORDS = /(?:关于)?(?:政府信息公开|政务信息公开|政务公开|信息公开|政府信息与政务公开)?(?:工作|开展|情况|的|年度)*(?:年度报告|年报|报告)$/;

/** Markup and line breaks out; spaces kept only between two Latin words or digits. */
export function cleanTitle(raw: string): string {
  return foldDigits(raw)
    .replace(/<[^>]*>/g, '')
    .split('\n')
    .map((line) => line.replace(/^[\s#*>]+|[\s*]+$/g, ''))
    .join(' ')
    .replace(/\*\*|__/g, '')
    .replace(/^[【[「『“"《]+|[】\]」』”"》]+$/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ (?=[^A-Za-z0-9])|(?<=[^A-Za-z0-9]) /g, '');
}

/** Whether `title` (cleaned) reads as the title of a disclosure annual report. */
export function isReportTitle(title: string): boolean {
  if (title.length < 6 || title.length > TITLE_MAX) return false;
  // `年政府信息公开…`: the rest of a line broken after the year's digits, not a title's start.
  if (/^[年度月日]/.test(title)) return false;
  if (!/公开/.test(title) || !/(?:报告|年报)$/.test(title.replace(/[（(][^）)]*[)）]$/, ''))) return false;
  if (SENTENCE_PUNCTUATION.test(title) || CHROME_WORDS.test(title) || NOT_A_REPORT.test(title)) return false;
  const firstYear = /(?:19|20)\d{2}/.exec(title);
  // `政府信息公开年报 平潭综合实验区2011年…`: a column name in front of the title.
  if (firstYear && /年报|年度报告/.test(title.slice(0, firstYear.index))) return false;
  // A title names a year or a body; `政府信息公开年报` alone is the name of a site's column.
  return yearIn(title) !== null || issuerPartOf(title) !== null;
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function isLineEnd(text: string, at: number): boolean {
  return /^[^\S\n]*(?:\n|$)/.test(text.slice(at));
}

/** `…年度报告` without its year and report words: the issuer it names (`平潭县人民政府`), or null. */
export function issuerPartOf(title: string): string | null {
  const part = title
    .replace(/[（(][^）)]*[)）]$/, '')
    .replace(YEAR_EXPRESSION, '')
    .replace(REPORT_WORDS, '')
    .replace(/^关于|关于$/g, '')
    .trim();
  return part.length >= 2 ? part : null;
}

/** What an issuer named before a line break ends with: a body or a place (`沐阳县人民政府`). */
const ISSUER_END = /(?:政府|公署|委员会|管委会|办公室|办公厅|办事处|局|厅|委|办|署|院|中心|站|所|队|处|会|省|市|区|县|旗|盟|州|镇|乡|街道)$/;

/**
 * The title ending at `end`: read back from the nearest boundary outward, the first clean
 * title that names its issuer, else the longest clean one. Reading outward line by line joins
 * a title broken over lines (`莆田市林业局2010年政府信息公开 / 工作 / 年度报告`) without taking
 * the menu line above a whole title into it.
 */
function titleEndingAt(text: string, end: number): TitleCandidate | null {
  let longest: TitleCandidate | null = null;
  for (let start = end - 6; start >= Math.max(0, end - TITLE_MAX - 8); start--) {
    if (start > 0 && !STARTS_AFTER.test(text[start - 1]!)) continue;
    if (/\s/.test(text[start]!)) continue;
    const raw = text.slice(start, end);
    const lines = raw.split('\n');
    if (lines.length > 3 || (lines.length > 1 && lines.some((line) => line.trim().length > LINE_MAX))) break;
    if (start > 0 && CITED_BEFORE.test(text[start - 1]!)) continue;
    const cleaned = cleanTitle(raw);
    const verb = PUBLISHING_VERB.exec(cleaned);
    const title = cleaned.slice(verb?.[0].length ?? 0);
    if (!isReportTitle(title)) continue;
    const before = text.slice(lineStartOf(text, start), start);
    const inSentence = verb !== null || /[，,。；;、]\s*$/.test(before);
    const kind: TitleKind = inSentence ? 'sentence' : /^[\s#*>]*$/.test(before) && isLineEnd(text, end) ? 'line' : 'glued';
    const candidate = { title, start, end, kind, year: yearIn(title) };
    const issuer = issuerPartOf(title);
    const brokenOverLines = raw.includes('\n');
    if (issuer && (!brokenOverLines || ISSUER_END.test(issuer))) return candidate;
    longest = candidate;
  }
  return longest;
}

/** Every report title in `text` (its first `reach` characters), in order. */
export function titleCandidates(text: string, reach = 3000): TitleCandidate[] {
  const window = text.slice(0, reach);
  const found: TitleCandidate[] = [];
  for (const match of window.matchAll(REPORT_END)) {
    let end = match.index + match[0].length;
    const bracket = BRACKETED_YEAR.exec(window.slice(end));
    if (bracket) end += bracket[0].length;
    const after = window.slice(end);
    if (CITED_AFTER.test(after) || CONTINUES_NAME.test(after)) continue;
    const candidate = titleEndingAt(window, end);
    // A one-line export runs the title into the text (`…年度报告2019年，本区…`): that is a title
    // when it starts a line and names a body and a year.
    const glued = !CLOSES_TITLE.test(after);
    if (!candidate || (glued && (candidate.kind === 'sentence' || candidate.year === null || issuerPartOf(candidate.title) === null))) continue;
    if (!found.some((c) => c.end === candidate.end)) found.push(glued ? { ...candidate, kind: 'glued' } : candidate);
  }
  return found;
}

/** The title a reader sees first: the first printed (not sentence) title with a year, else the first printed one. */
export function printedTitle(candidates: TitleCandidate[]): TitleCandidate | null {
  const printed = candidates.filter((c) => c.kind !== 'sentence');
  return printed.find((c) => c.year !== null) ?? printed[0] ?? null;
}
