/**
 * The issuer of a report is the body that reports (`北京市人民政府`, `兴安盟行政公署`,
 * `平潭综合实验区管委会`, `莆田市审计局`), read the way a careful reader would: from the title,
 * completed from the report's own text where the title names only a place (`北京市2019年…`)
 * or abbreviates (`上海市科委` → 上海市科学技术委员会), and from the sentence that says who
 * compiled the report when the title names nobody.
 */
import { lookupPlace } from '@/lib/places';
import type { MetaSource } from '@/lib/report/schema';
import { fullBodyName } from './abbreviations';
import { issuerPartOf } from './title';

export interface FoundIssuer {
  issuer: string;
  source: MetaSource;
}

/** A name that is a place, not a body: `北京市`, `兴安盟`, `平潭综合实验区`, `钟祥镇`. */
const PLACE_ONLY = /^[\u4e00-\u9fff]{1,16}?(?:省|自治区|市|自治州|地区|盟|县|自治县|区|旗|自治旗|镇|乡|街道)$/;
/** Zones governed by a management committee rather than a people's government. */
const ZONE = /(?:实验区|试验区|开发区|新区|示范区|高新区|园区|保税区|合作区)$/;
/** The bodies that govern a place, as the reports name them. */
const GOVERNING_BODIES = ['人民政府', '行政公署', '管理委员会', '管委会', '街道办事处', '办事处'];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The body a place-only name stands for: the one the report names most after the place (with a
 * party committee between, `平潭综合实验区党工委管委会`, as the report writes it), else the usual one.
 */
function governingBody(place: string, bodyText: string): string {
  const named = GOVERNING_BODIES.map((body) => ({
    body,
    n: [...bodyText.matchAll(new RegExp(`${escape(place)}(?:党工委|党委)?${body}`, 'g'))].length,
  })).filter(({ n }) => n > 0);
  const best = named.sort((a, b) => b.n - a.n)[0];
  if (best) return place + best.body;
  if (ZONE.test(place)) return `${place}管理委员会`;
  if (/(?:盟|地区)$/.test(place)) return `${place}行政公署`;
  if (/街道$/.test(place)) return `${place}办事处`;
  return `${place}人民政府`;
}

/**
 * An urban district's bodies carry their city's name (`淮安市洪泽区人民政府`, `杭州市下城区人民
 * 政府`); counties and county-level cities do not (`平潭县人民政府`). A district government gets
 * its city's name; a district's department only where the report writes it so.
 */
function withCity(issuer: string, bodyText: string): string {
  const district = /^([\u4e00-\u9fff]{1,8}?区)/.exec(issuer)?.[1];
  const division = district ? lookupPlace(district) : null;
  if (!district || !division || division.level !== 'district' || !division.city || division.city === district) return issuer;
  const qualified = division.city + issuer;
  if (issuer === `${district}人民政府` || bodyText.includes(qualified)) return qualified;
  return issuer;
}

/** Abbreviated endings and what they stand for: `科委` is a 委员会, `政府办` an 办公室. */
const ABBREVIATED_END: ReadonlyArray<readonly [string, RegExp]> = [
  ['委', /委员会$/],
  ['办', /办公室$|办公厅$/],
];

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at += 1;
  return at === short.length;
}

/**
 * The full name of an abbreviated body as the report writes it (`上海市科委` → `上海市科学技术
 * 委员会`): a name in the text with the same start, the long form of the abbreviated ending,
 * and the abbreviation's characters in order.
 */
function expandAbbreviation(issuer: string, bodyText: string): string {
  const ending = ABBREVIATED_END.find(([end]) => issuer.endsWith(end));
  if (!ending) return issuer;
  const head = issuer.slice(0, 2);
  const pattern = new RegExp(`${escape(head)}[\\u4e00-\\u9fff]{1,20}?(?:委员会|办公室|办公厅)`, 'g');
  const counts = new Map<string, number>();
  for (const match of bodyText.matchAll(pattern)) {
    const name = match[0];
    if (name.length > issuer.length && ending[1].test(name) && isSubsequence(issuer, name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : issuer;
}

/** The full name of a short one: as the report spells it out, else as the body is officially named. */
function writtenOut(issuer: string, bodyText: string): string {
  const spelled = expandAbbreviation(issuer, bodyText);
  return spelled !== issuer ? spelled : fullBodyName(issuer);
}

/** `本报告由莆田市人民政府信息公开办公室汇总…编制而成`: who compiled the report (else who answers for it). */
const COMPILED_BY = /本(?:年度)?报告由([\u4e00-\u9fff（）()]{2,40}?)(?:负责)?(?:根据[^。]{0,40}?)?(?:汇总|统一)?(?:编制|编写|制作|发布|起草)/;
/** The office that compiles for a body is not the body: `XX县人民政府办公室` compiles XX县人民政府's report. */
const COMPILING_OFFICE = /(?:政府信息公开|信息公开|政务公开|政府信息与政务公开)?(?:工作)?(?:领导小组)?(?:办公室|办公厅)$/;
/** What a body's name ends with. */
const BODY_END = /(?:政府|公署|委员会|管委会|办事处|局|厅|委|办|署|院|中心|站|所|队|处|会)$/;

/** `如对本报告有疑问，请与XX联系`, `请联系XX（地址…）`: the body that answers for the report. */
const CONTACT = /(?:请与|请联系|联系单位[：:]?)([\u4e00-\u9fff（）()]{4,40}?)(?:联系|[（(，,。；;]|$)/;

function compiledBy(bodyText: string): string | null {
  const compact = bodyText.replace(/\s+/g, '');
  const name = COMPILED_BY.exec(compact)?.[1] ?? CONTACT.exec(compact)?.[1];
  if (!name) return null;
  const body = name.replace(COMPILING_OFFICE, '');
  if (body.length >= 2 && BODY_END.test(body)) return body;
  return BODY_END.test(name) ? name : null;
}

/** A header's issuer is used only when it is a full name (`莆田市审计局`), not `市府办`. */
function fullName(name: string | undefined): string | null {
  const clean = name?.replace(/^[#*\s]+|[\s*]+$/g, '');
  if (!clean || clean.length < 4 || !BODY_END.test(clean)) return null;
  return /^[\u4e00-\u9fff]{2,}?(?:省|自治区|市|自治州|地区|盟|县|区|旗)/.test(clean) ? clean : null;
}

/** `…人民政府办公室编制了` in a sentence naming the report: who compiled it, not a body's name. */
const COMPILED_VERB = /(?:编制|编写|制作|发布|公布|形成)了?$/;

/** Completes a name read from the title into the body it stands for. */
function completeIssuer(printed: string, bodyText: string): string {
  // A sentence's compiler (`太仆寺旗人民政府办公室编制了…`) reports for the body it serves.
  const name = COMPILED_VERB.test(printed) ? printed.replace(COMPILED_VERB, '').replace(COMPILING_OFFICE, '') || printed : printed;
  const body = PLACE_ONLY.test(name) && !BODY_END.test(name) ? governingBody(name, bodyText) : writtenOut(name, bodyText);
  return withCity(body, bodyText);
}

export function reportIssuer(input: {
  title: string | null;
  titleSource: MetaSource | null;
  headerIssuer?: string;
  /** The site the page belongs to, which often names the body. */
  site?: string;
  bodyText: string;
}): FoundIssuer | null {
  // The names a report gives itself: its text, its page's publisher and its site's name.
  const context = [input.bodyText, input.headerIssuer, input.site].filter(Boolean).join('\n');
  const fromTitle = input.title ? issuerPartOf(input.title) : null;
  if (fromTitle) return { issuer: completeIssuer(fromTitle, context), source: input.titleSource ?? 'title' };
  const compiler = compiledBy(input.bodyText);
  if (compiler) return { issuer: completeIssuer(compiler, context), source: 'body' };
  const header = fullName(input.headerIssuer);
  if (header) return { issuer: completeIssuer(header, context), source: 'header' };
  return null;
}
