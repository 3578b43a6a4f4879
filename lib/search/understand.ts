/**
 * Years, places and issuers typed into the search box, read as the facet filters they mean:
 * `2023 平潭 不予公开` searches 不予公开 in the 2023 reports of 平潭. Only what the index holds is
 * recognised (its facet values, `KnownValues`), reached through the names people type: the
 * value itself (`洪泽区`, `上海市人民政府办公厅`), a division name of GB/T 2260 that denotes the
 * value's place (`平潭` is 平潭县, where 平潭综合实验区 lies), or a body's short name (`科委`).
 * A pure function: the caller supplies the values and decides whether to apply the reading.
 */
import { placeMentions, resolvePlace, type Division } from '@/lib/places';
import { bodyShortNames } from '@/lib/parse/metadata/abbreviations';
import { UNMARKED } from '@/lib/report/schema';
import { present } from '@/lib/errors';

/** The facets a query can name. */
export const UNDERSTOOD_FACETS = ['year', 'province', 'city', 'district', 'issuer'] as const;
export type UnderstoodFacet = (typeof UNDERSTOOD_FACETS)[number];

/** Facet values present in the index, per facet. */
export type KnownValues = Record<UnderstoodFacet, readonly string[]>;

/** One part of the query read as a filter. */
export interface UnderstoodPart {
  /** As the reader typed it (`2023年`, `平潭`). */
  written: string;
  facet: UnderstoodFacet;
  /** The facet values it selects (OR-ed, like values chosen in the sidebar). */
  values: string[];
}

export interface Understanding {
  /** The words left to search (may be empty: the query named only a year or a place). */
  text: string;
  parts: UnderstoodPart[];
}

/** A year as written: `2023`, `2023年`, `2023年度`, not a part of a longer number. */
const YEAR = /(?<![0-9])((?:19|20)[0-9]{2})(?:年度|年)?(?![0-9])/g;

/**
 * What follows a short place name when the word names a body (`公安局` is no 公安县): such a
 * word is left to the text search. A full division name (`公安县公安局`) is still a place.
 */
const BODY_AFTER = /^[局厅委办院所站队部处]/;

/** A place value's suffix, without which people name it (`淮安市` → 淮安); at least two characters remain. */
const PLACE_SUFFIX = /^(.{2,}?)(?:(?:[^族]{1,6}族)*自治[区州县旗]|省|市|区|县|地区|盟|旗)$/;

/** Body short names (`科委`) matching more issuers than this are too broad to be a filter. */
const MAX_ISSUERS_PER_SHORT_NAME = 50;

const HAN = /\p{Script=Han}/u;

/** Left over after taking parts out: joining particles and punctuation at a piece's ends. */
const LOOSE_ENDS = /^[的和及与、，,。;；：:\s]+|[的和及与、，,。;；：:\s]+$/g;

interface Span extends UnderstoodPart {
  start: number;
  end: number;
}

const FACET_OF_LEVEL: Record<Division['level'], UnderstoodFacet> = { province: 'province', city: 'city', district: 'district' };

/** Division code per place value, memoised: a national index has thousands of district values. */
const divisionOfValue = new Map<string, string | null>();

function divisionCode(value: string): string | null {
  if (!divisionOfValue.has(value)) divisionOfValue.set(value, resolvePlace(value)?.division.code ?? null);
  return present(divisionOfValue.get(value), `the division of ${value}`);
}

function occurrences(token: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = token.indexOf(needle); at >= 0; at = token.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function spansIn(token: string, known: KnownValues): Span[] {
  const spans: Span[] = [];
  // The same words read as the same facet by several routes select the union of their values.
  const add = (start: number, written: string, facet: UnderstoodFacet, values: string[]) => {
    if (values.length === 0) return;
    const same = spans.find((span) => span.start === start && span.written === written && span.facet === facet);
    if (same) same.values = [...new Set([...same.values, ...values])];
    else spans.push({ start, end: start + written.length, written, facet, values });
  };
  for (const match of token.matchAll(YEAR)) {
    if (known.year.includes(match[1]!)) add(match.index, match[0], 'year', [match[1]!]);
  }
  // A facet value as it is in the index, anywhere in the word; a place also without its suffix
  // (`淮安` for 淮安市, though 淮安区 shares the short name in the division data). Provinces
  // first: on equal spans the broader reading wins (`上海` is the province and the city).
  for (const facet of ['province', 'city', 'district', 'issuer'] as const) {
    for (const value of known[facet]) {
      if (value.length < 2 || value === UNMARKED) continue;
      for (const at of occurrences(token, value)) add(at, value, facet, [value]);
      const short = facet === 'issuer' ? undefined : PLACE_SUFFIX.exec(value)?.[1];
      if (!short) continue;
      for (const at of occurrences(token, short)) {
        if (!BODY_AFTER.test(token.slice(at + short.length))) add(at, short, facet, [value]);
      }
    }
  }
  // A division name (full or short) denoting the place of values written otherwise.
  for (const mention of placeMentions(token)) {
    if (mention.via === 'short' && BODY_AFTER.test(token.slice(mention.at + mention.text.length))) continue;
    for (const level of new Set(mention.candidates.map((division) => division.level))) {
      const divisions = mention.candidates.filter((division) => division.level === level);
      const facet = FACET_OF_LEVEL[level];
      const values = known[facet].filter(
        (value) => value !== UNMARKED && divisions.some((division) => value === division.name || divisionCode(value) === division.code),
      );
      add(mention.at, mention.text, facet, values);
    }
  }
  // A body's short name ending the word (`科委`, `上海市科委`): not `政府办` inside 政府办公室.
  for (const { short, full } of bodyShortNames()) {
    for (const at of occurrences(token, short)) {
      if (HAN.test(token.charAt(at + short.length))) continue;
      const issuers = known.issuer.filter((issuer) => issuer.includes(full));
      if (issuers.length <= MAX_ISSUERS_PER_SHORT_NAME) add(at, short, 'issuer', issuers);
    }
  }
  return spans;
}

/** Longest first, left to right, never overlapping. */
function chooseSpans(spans: Span[]): Span[] {
  const chosen: Span[] = [];
  const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const span of ordered) {
    if (chosen.some((other) => span.start < other.end && other.start < span.end)) continue;
    chosen.push(span);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The token without the chosen spans, as the pieces of text between them. */
function remainder(token: string, spans: readonly Span[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const span of [...spans, { start: token.length, end: token.length }]) {
    pieces.push(token.slice(from, span.start));
    from = span.end;
  }
  return pieces.map((piece) => piece.replace(LOOSE_ENDS, '')).filter((piece) => piece !== '');
}

/**
 * The query read as filters and the words left to search; null when it names no year, place
 * or issuer the index knows (the query is searched as typed).
 */
export function understandQuery(q: string, known: KnownValues): Understanding | null {
  const parts: UnderstoodPart[] = [];
  const words: string[] = [];
  for (const token of q.split(/\s+/).filter(Boolean)) {
    const spans = chooseSpans(spansIn(token, known));
    for (const { written, facet, values } of spans) parts.push({ written, facet, values });
    words.push(...remainder(token, spans));
  }
  if (parts.length === 0) return null;
  return { text: words.join(' '), parts };
}

/** The places of the index as people write them: each value, and without its suffix (淮安市, 淮安). */
export function placeNames(known: KnownValues): string[] {
  const values = [...known.province, ...known.city, ...known.district].filter((value) => value !== UNMARKED);
  return [...new Set(values.flatMap((value) => [value, PLACE_SUFFIX.exec(value)?.[1] ?? value]))];
}

/** The filters the parts select, values of one facet merged (OR), in the order first named. */
export function understoodFilters(parts: readonly UnderstoodPart[]): Partial<Record<UnderstoodFacet, string[]>> {
  const filters: Partial<Record<UnderstoodFacet, string[]>> = {};
  for (const part of parts) filters[part.facet] = [...new Set([...(filters[part.facet] ?? []), ...part.values])];
  return filters;
}
