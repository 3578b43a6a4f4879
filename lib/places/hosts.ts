/**
 * The places a government site's host name spells: `www.putian.gov.cn` is 莆田 in full pinyin,
 * `www.sm.gov.cn` 三明 by its initials (and a dozen other places too). A host is evidence to
 * weigh with what the report says, never a place on its own when it spells several.
 */
import { pinyin } from 'pinyin-pro';
import { loadDivisions, type Division } from './divisions';

/** Short name of a division as its site would spell it: 三明市 → 三明, 宁夏回族自治区 → 宁夏. */
const SUFFIX = /(?:(?:[^族]{1,6}族)*自治(?:区|州|县|旗)|特别行政区|省|市|地区|盟|区|县|旗)$/;
/** Host labels that name no place. */
const GENERIC_LABELS = new Set(['www', 'gov', 'cn', 'com', 'net', 'org', 'zwgk', 'xxgk', 'zfxxgk', 'gk', 'zw', 'web', 'portal', 'site', 'info', 'public']);

let byLabel: Map<string, Division[]> | undefined;

/** Full pinyin and initials of a division's short name (`putian`, `pt`). */
function spellings(name: string): string[] {
  const short = name.replace(SUFFIX, '') || name;
  if (short.length < 2) return [];
  const syllables = pinyin(short, { toneType: 'none', type: 'array', v: true });
  return [syllables.join(''), syllables.map((syllable) => syllable[0]).join('')];
}

/** Also the initials of a parent before the division's own (`bjhd`: 北京 海淀). */
function hostSpellings(division: Division, parents: ReadonlyMap<string, Division>): string[] {
  const own = spellings(division.name);
  const initials = own[1];
  const parentInitials = [division.code.slice(0, 2), division.code.slice(0, 4)]
    .filter((code) => code !== division.code)
    .flatMap((code) => {
      const parent = parents.get(code);
      return parent ? [spellings(parent.name)[1]] : [];
    });
  return [...own, ...(initials ? parentInitials.flatMap((prefix) => (prefix ? [prefix + initials] : [])) : [])];
}

function labelIndex(): Map<string, Division[]> {
  if (byLabel) return byLabel;
  byLabel = new Map();
  const divisions = loadDivisions();
  const parents = new Map(divisions.filter((division) => division.level !== 'district').map((division) => [division.code, division]));
  for (const division of divisions) {
    for (const spelling of new Set(hostSpellings(division, parents))) {
      const list = byLabel.get(spelling);
      if (list) list.push(division);
      else byLabel.set(spelling, [division]);
    }
  }
  return byLabel;
}

/** The host of a URL or bare host name (`www.sm.gov.cn/...`), lower case; null when there is none. */
export function hostOf(url: string): string | null {
  const match = /^(?:[a-z]+:\/\/)?([a-z0-9.-]+\.[a-z]{2,})(?:[:/?#]|$)/i.exec(url.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** Every division whose name one of the host's labels spells, in full pinyin or by initials. */
export function divisionsSpelledBy(host: string): Division[] {
  const index = labelIndex();
  const labels = host
    .toLowerCase()
    .split('.')
    .filter((label) => !GENERIC_LABELS.has(label) && /^[a-z]{2,}$/.test(label));
  return [...new Set(labels.flatMap((label) => index.get(label) ?? []))];
}
