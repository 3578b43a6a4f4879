/**
 * Where a report comes from (province › city › district), from every place the report names it:
 * the issuer, the title, the body, the page's address. A name the division data does not know
 * is matched tolerantly (a look-alike character, resolved through a city the report names
 * elsewhere) or kept as printed under a known parent; a place only the title names is checked
 * against the body, which wins when they disagree. What cannot be resolved stays empty.
 */
import { placeMentions, provincesMentioned, resolvePlace, type Division } from '@/lib/places';
import { divisionsSpelledBy, hostOf } from '@/lib/places/hosts';
import { LOOKALIKE_MAX, lookalikeDivision, strokeDifference } from '@/lib/places/lookalike';
import type { MetaSource, Warning } from '@/lib/report/schema';

export interface FoundPlace {
  province: string;
  city: string | null;
  district: string | null;
  /** The level of the most specific division recognised; null when only a province came from the text. */
  divisionLevel: Division['level'] | null;
  source: MetaSource;
  /** The district's name as the issuer or title writes it, where that is a short form of `district`. */
  written?: string;
}

/** A county-level name printed after its city (`杭州市某某区人民政府`) that the division data lacks. */
const DISTRICT_NAME = /([\u4e00-\u9fff]{1,8}?(?:区|县|旗))(?:人民政府|政府|管委会|$)/;
/** The county-level name a text starts with (`沐阳县人民政府` → 沐阳县). */
const LEADING_COUNTY_NAME = /^([\u4e00-\u9fff]{1,5}?(?:县|区|旗|市))/;

function unlistedDistrict(source: string, after: string): string | null {
  const at = source.indexOf(after);
  return DISTRICT_NAME.exec(at === -1 ? source : source.slice(at + after.length))?.[1] ?? null;
}

function ofDivision(division: Division, source: MetaSource, district = division.district): FoundPlace {
  return { province: division.province, city: division.city, district, divisionLevel: division.level, source };
}

/**
 * A county-level name the division data lacks (a zone: 平潭综合实验区), spelled as the body spells
 * it most when the name as given is one look-alike character off (`平潭综后实验区` in a title).
 */
function bodySpelling(name: string, body: string, warnings: Warning[]): string {
  if (body.includes(name)) return name;
  const counts = new Map<string, number>();
  for (let at = 0; at < name.length; at++) {
    const pattern = new RegExp(`${escapeRegExp(name.slice(0, at))}[\u4e00-\u9fff]${escapeRegExp(name.slice(at + 1))}`, 'g');
    for (const match of body.matchAll(pattern)) {
      if (strokeDifference(match[0][at]!, name[at]!) <= LOOKALIKE_MAX) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best) return name;
  warnings.push({ code: 'place-lookalike', message: `“${name}”按正文中的写法“${best[0]}”读取`, anchor: null });
  return best[0];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The place a name (an issuer, a title) gives, with the look-alike reading of a name the data lacks. */
function placeOfName(name: string, context: string, source: MetaSource, warnings: Warning[]): FoundPlace | null {
  const resolved = resolvePlace(name);
  if (resolved && resolved.division.level === 'district') {
    const district = resolved.district && resolved.district !== resolved.division.name ? bodySpelling(resolved.district, context, warnings) : resolved.district;
    return { ...ofDivision(resolved.division, source, district), ...(resolved.written ? { written: resolved.written } : {}) };
  }
  const anchor = resolved ? (resolved.city ?? resolved.province) : '';
  const unknown = resolved ? unlistedDistrict(name, anchor) : (LEADING_COUNTY_NAME.exec(name)?.[1] ?? null);
  const lookalike = unknown ? lookalikeDivision(unknown, `${name}\n${context}`) : null;
  if (lookalike && (!resolved || lookalike.division.code.startsWith(resolved.division.code))) {
    warnings.push({
      code: 'place-lookalike',
      message: `“${lookalike.written}”不是已知地名，按形近的“${lookalike.division.name}”（${lookalike.division.city ?? lookalike.division.province}）读取`,
      anchor: null,
    });
    return ofDivision(lookalike.division, source);
  }
  if (!resolved) return null;
  return ofDivision(resolved.division, source, resolved.district ?? unknown);
}

/** Counts of unambiguous full-name mentions of cities and districts (a municipality is a city) in `text`, by division. */
/**
 * How much of the body is read for the places it names: over twenty times the whole text of
 * any real report seen (under 9,000 characters in data/ and the corpus), while a 19 MB file is
 * not read for place names end to end (16 of its 40 s of parsing went there).
 */
const MENTIONS_READ_CHARS = 200_000;

function mentionCounts(text: string): Map<Division, number> {
  const counts = new Map<Division, number>();
  for (const mention of placeMentions(text.slice(0, MENTIONS_READ_CHARS))) {
    const division = mention.candidates[0];
    if (mention.via !== 'exact' || mention.candidates.length !== 1 || !division || (division.level === 'province' && !division.city)) continue;
    counts.set(division, (counts.get(division) ?? 0) + 1);
  }
  return counts;
}

/** The city or district the body names most (at least twice, more than any other), if any. */
function dominantPlace(counts: Map<Division, number>): Division | null {
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < 2 || (second && second[1] === first[1])) return null;
  return first[0];
}

/**
 * A place read from the title or issuer by a short name that the body contradicts: the body
 * names places of another province often and this one's never.
 */
function contradictedByBody(place: FoundPlace, counts: Map<Division, number>): boolean {
  const byProvince = new Map<string, number>();
  for (const [division, n] of counts) byProvince.set(division.province, (byProvince.get(division.province) ?? 0) + n);
  const own = byProvince.get(place.province) ?? 0;
  const other = Math.max(0, ...[...byProvince].filter(([province]) => province !== place.province).map(([, n]) => n));
  return own === 0 && other >= 3;
}

const GOV_HOST = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+gov\.cn/gi;

/**
 * The division the page's address spells, when one alone fits what the body says of its
 * province; among several, the one city (a city's site is the short name, `sm.gov.cn`; its
 * districts' sites are longer, `xmsm.gov.cn`).
 */
function placeOfHosts(urls: string[], bodyText: string): Division | null {
  const hosts = [...new Set(urls.flatMap((url) => (hostOf(url) ? [hostOf(url)!] : [])))];
  const candidates = [...new Set(hosts.flatMap(divisionsSpelledBy))];
  if (candidates.length === 1) return candidates[0]!;
  const provinces = new Set(provincesMentioned(bodyText).map((p) => p.province));
  const fitting = candidates.filter((division) => provinces.has(division.province));
  if (fitting.length === 1) return fitting[0]!;
  const cities = fitting.filter((division) => division.level === 'city');
  return cities.length === 1 ? cities[0]! : null;
}

export interface PlaceInput {
  /** Names to read a place from, most authoritative first (the issuer, the title's issuer part, the header's). */
  names: Array<{ name: string; source: MetaSource }>;
  bodyText: string;
  /** The page's address and any other address the file gives. */
  urls: string[];
}

export function reportPlace(input: PlaceInput, warnings: Warning[]): FoundPlace | null {
  const counts = mentionCounts(input.bodyText);
  for (const { name, source } of input.names) {
    const place = placeOfName(name, input.bodyText, source, warnings);
    if (!place) continue;
    if (!contradictedByBody(place, counts)) return place;
    const body = dominantPlace(counts);
    if (body) {
      warnings.push({
        code: 'place-from-text',
        message: `“${name}”读作${place.province}，但正文所提地名都在${body.province}；已按正文取${body.name}`,
        anchor: null,
      });
      return ofDivision(body, 'body');
    }
    return place;
  }
  const body = dominantPlace(counts);
  if (body) return ofDivision(body, 'body');
  const host = placeOfHosts([...input.urls, ...(input.bodyText.match(GOV_HOST) ?? [])], input.bodyText);
  if (host) {
    warnings.push({ code: 'place-from-url', message: `发布机关和标题中没有地名；地区“${host.name}”取自网页地址`, anchor: null });
    return ofDivision(host, 'url');
  }
  const mentioned = provincesMentioned(input.bodyText)[0];
  if (!mentioned) return null;
  warnings.push({
    code: 'place-from-text',
    message: `发布机关和标题中没有地名；省份“${mentioned.province}”取自报告正文（出现 ${mentioned.count} 次）`,
    anchor: null,
  });
  const printedDistrict = input.names[0] ? unlistedDistrict(input.names[0].name, '') : null;
  return { province: mentioned.province, city: null, district: printedDistrict, divisionLevel: null, source: 'body' };
}
