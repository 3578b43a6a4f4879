/**
 * Place names → administrative divisions (province › city › district), on GB/T 2260 data.
 *
 * Reports name places the way people do: in full (`淮安市洪泽区`), without the suffix (`下城`
 * for 下城区), or under a name that is not a division at all (`平潭综合实验区`, a zone that
 * administers 平潭县). A short name is only trusted when exactly one division carries it.
 */
import { loadDivisions, type Division } from './divisions';

export type { Division } from './divisions';

/** A place resolved from a piece of text (an issuer, a title). */
export interface ResolvedPlace {
  province: string;
  city: string | null;
  /** The district or county as the text names it (`平潭综合实验区`), not necessarily a GB name. */
  district: string | null;
  /** The most specific division that was recognised. */
  division: Division;
  /** The district as the text writes it, where that is not `district` (关岭自治县 for 关岭布依族苗族自治县). */
  written?: string;
  /** `exact` when a full division name occurs in the text, `short` when only a suffix-less name did. */
  via: 'exact' | 'short';
}

const SUFFIXES: Record<Division['level'], RegExp> = {
  province: /^(.{2,}?)(?:(?:[^族]{1,6}族)*自治区|省|市)$/,
  city: /^(.{2,}?)(?:(?:[^族]{1,6}族)*自治州|市|地区|盟)$/,
  district: /^(.{2,}?)(?:(?:[^族]{1,6}族)*自治[县旗]|林区|特区|新区|区|县|市|旗)$/,
};

/** The suffix that ends a county-level name, used to read the name as printed after a short match. */
const DISTRICT_NAME_END = /^[\u4e00-\u9fff]{0,6}?(?:区|县|市|旗)/;

interface NameIndex {
  full: Map<string, Division[]>;
  short: Map<string, Division[]>;
  longest: number;
}

let index: NameIndex | undefined;

function addTo(map: Map<string, Division[]>, name: string, division: Division) {
  const list = map.get(name);
  if (list) list.push(division);
  else map.set(name, [division]);
}

function nameIndex(): NameIndex {
  if (index) return index;
  const full = new Map<string, Division[]>();
  const short = new Map<string, Division[]>();
  let longest = 0;
  const shortNameOf = (division: Division) => SUFFIXES[division.level].exec(division.name)?.[1];
  const divisions = loadDivisions();
  // A former division whose short name a current one of its province carries is that place
  // renamed (洪泽县 → 洪泽区): its short name means the current division alone.
  const currentShort = new Set(divisions.filter((d) => !d.former).map((d) => `${d.province}\u0000${shortNameOf(d)}`));
  for (const division of divisions) {
    addTo(full, division.name, division);
    longest = Math.max(longest, division.name.length);
    const shortName = shortNameOf(division);
    if (!shortName || shortName === division.name) continue;
    if (division.former && currentShort.has(`${division.province}\u0000${shortName}`)) continue;
    addTo(short, shortName, division);
  }
  index = { full, short, longest };
  return index;
}

/**
 * The division a name denotes: an exact full name if unique, else a short name (without
 * 省/市/区/县 …) if exactly one division carries it. `null` when unknown or ambiguous.
 */
export function lookupPlace(name: string): Division | null {
  const { full, short } = nameIndex();
  const exact = full.get(name.trim());
  if (exact) return exact.length === 1 ? exact[0]! : null;
  const byShort = short.get(name.trim());
  return byShort?.length === 1 ? byShort[0]! : null;
}

/**
 * What follows a short name when it names a township, village or street rather than the county
 * that carries the same name elsewhere (`钟祥镇` is not 钟祥市, `城关镇` is no 城关区).
 */
const NOT_A_DIVISION_AFTER = /^(?:镇|乡|街道|村|社区|办事处)/;

/** A division name found in a text: where, as written, and the divisions it can denote. */
export interface PlaceMention {
  at: number;
  text: string;
  candidates: Division[];
  via: 'exact' | 'short';
}

/** Left-to-right, longest-first mentions of division names (full names win over short ones). */
export function placeMentions(text: string): PlaceMention[] {
  const { full, short, longest } = nameIndex();
  const found: PlaceMention[] = [];
  for (let at = 0; at < text.length;) {
    let hit: PlaceMention | undefined;
    for (let length = Math.min(longest, text.length - at); length >= 2 && !hit; length--) {
      const piece = text.slice(at, at + length);
      const exact = full.get(piece);
      if (exact) hit = { at, text: piece, candidates: exact, via: 'exact' };
      else {
        const byShort = short.get(piece);
        if (byShort?.length === 1) hit = { at, text: piece, candidates: byShort, via: 'short' };
      }
    }
    if (hit && !(hit.via === 'short' && NOT_A_DIVISION_AFTER.test(text.slice(at + hit.text.length)))) {
      found.push(hit);
      at += hit.text.length;
    } else at += 1;
  }
  return found;
}

const SPECIFICITY: Record<Division['level'], number> = { province: 1, city: 2, district: 3 };

export function isWithin(inner: Division, outer: Division): boolean {
  return inner.code.startsWith(outer.code);
}

/**
 * The most specific place named in `text`, with its ancestry completed from GB/T 2260:
 * `淮安市洪泽区人民政府` → 江苏省 / 淮安市 / 洪泽区; `平潭综合实验区管委会` → 福建省 / 福州市 /
 * 平潭综合实验区 (via the unique short name 平潭 of 平潭县). An ambiguous name (朝阳区) counts
 * only when another mention in the text (北京市) settles it.
 */
export function resolvePlace(text: string): ResolvedPlace | null {
  const found = placeMentions(text);
  let best: { division: Division; mention: PlaceMention; support: number } | undefined;
  for (const mention of found) {
    for (const division of mention.candidates) {
      const others = found.filter((m) => m !== mention);
      const support = others.filter((m) => m.candidates.some((c) => isWithin(division, c))).length;
      // Only an unambiguous mention can rule a reading out: `城区` inside `下城区` names a dozen
      // places and must not veto 杭州市.
      const contradicted = others.some((m) => m.candidates.length === 1 && !isWithin(division, m.candidates[0]!) && !isWithin(m.candidates[0]!, division));
      if (contradicted) continue;
      if (mention.candidates.length > 1 && support === 0) continue;
      const better =
        !best ||
        SPECIFICITY[division.level] > SPECIFICITY[best.division.level] ||
        (SPECIFICITY[division.level] === SPECIFICITY[best.division.level] && support > best.support);
      if (better) best = { division, mention, support };
    }
  }
  if (!best) return null;
  const { division, mention } = best;
  let district = division.district;
  if (division.level === 'district' && mention.via === 'short') {
    // Keep the name the text uses: 平潭综合实验区 is not 平潭县, though it lies where 平潭县 does.
    // But 关岭自治县 is the usual short form of 关岭布依族苗族自治县 itself: its official name.
    const rest = DISTRICT_NAME_END.exec(text.slice(mention.at + mention.text.length));
    const printed = rest ? mention.text + rest[0] : division.district;
    const autonomous = /自治(?:区|州|县|旗)$/.exec(division.name)?.[0];
    district = autonomous && printed === mention.text + autonomous ? division.name : printed;
    if (printed && printed !== district) {
      return { province: division.province, city: division.city, district, division, via: mention.via, written: printed };
    }
  }
  return { province: division.province, city: division.city, district, division, via: mention.via };
}

/** Every province named in full in `text`, with its number of mentions, most mentioned first. */
export function provincesMentioned(text: string): Array<{ province: string; count: number }> {
  const counts = loadDivisions()
    .filter((d) => d.level === 'province')
    .map((d) => ({ province: d.name, count: text.split(d.name).length - 1 }))
    .filter((p) => p.count > 0);
  return counts.sort((a, b) => b.count - a.count);
}
