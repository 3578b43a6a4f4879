/**
 * Issuers for synthetic reports: real administrative divisions (GB/T 2260, lib/places) and the
 * bodies that publish a report there: the people's government, its general office, or one of
 * its departments. Every place name is a real division's; only the pairing with a report is made up.
 */
import { loadDivisions, type Division } from '@/lib/places/divisions';
import type { ManifestLevel } from '@/lib/parse/manifest';
import type { Random } from './random';

export interface SyntheticIssuer {
  issuer: string;
  province: string;
  city: string | null;
  district: string | null;
  level: ManifestLevel;
  /** The name the report's text uses for its place (`淮安市`, `洪泽区`). */
  placeName: string;
}

/** Departments found at every level, with the word a province uses instead of 局 (厅). */
const DEPARTMENTS: ReadonlyArray<{ local: string; provincial: string }> = [
  { local: '发展和改革局', provincial: '发展和改革委员会' },
  { local: '教育局', provincial: '教育厅' },
  { local: '公安局', provincial: '公安厅' },
  { local: '民政局', provincial: '民政厅' },
  { local: '司法局', provincial: '司法厅' },
  { local: '财政局', provincial: '财政厅' },
  { local: '人力资源和社会保障局', provincial: '人力资源和社会保障厅' },
  { local: '自然资源和规划局', provincial: '自然资源厅' },
  { local: '生态环境局', provincial: '生态环境厅' },
  { local: '住房和城乡建设局', provincial: '住房和城乡建设厅' },
  { local: '交通运输局', provincial: '交通运输厅' },
  { local: '水利局', provincial: '水利厅' },
  { local: '农业农村局', provincial: '农业农村厅' },
  { local: '商务局', provincial: '商务厅' },
  { local: '文化和旅游局', provincial: '文化和旅游厅' },
  { local: '卫生健康委员会', provincial: '卫生健康委员会' },
  { local: '应急管理局', provincial: '应急管理厅' },
  { local: '市场监督管理局', provincial: '市场监督管理局' },
  { local: '统计局', provincial: '统计局' },
  { local: '医疗保障局', provincial: '医疗保障局' },
];

let divisionsByLevel: Record<Division['level'], Division[]> | undefined;

function divisions(level: Division['level']): Division[] {
  divisionsByLevel ??= {
    province: loadDivisions().filter((d) => d.level === 'province'),
    city: loadDivisions().filter((d) => d.level === 'city'),
    district: loadDivisions().filter((d) => d.level === 'district'),
  };
  return divisionsByLevel[level];
}

/** The level of a place's own government: a county-level unit named 县/旗 is a county. */
function governmentLevel(division: Division): ManifestLevel {
  if (division.level !== 'district') return division.level;
  return /(?:县|旗)$/.test(division.name) ? 'county' : 'district';
}

/**
 * Mostly county-level bodies (there are ten times more of them than of cities), some cities,
 * a few provinces; about half of the reports come from departments, as nationally.
 */
export function pickIssuer(random: Random): SyntheticIssuer {
  const roll = random.next();
  const division = random.pick(divisions(roll < 0.05 ? 'province' : roll < 0.3 ? 'city' : 'district'));
  const place = { province: division.province, city: division.city, district: division.district, placeName: division.name };
  const body = random.next();
  if (body < 0.4) return { ...place, issuer: `${division.name}人民政府`, level: governmentLevel(division) };
  if (body < 0.5) {
    const office = division.level === 'province' ? '人民政府办公厅' : '人民政府办公室';
    return { ...place, issuer: `${division.name}${office}`, level: 'department' };
  }
  const department = random.pick(DEPARTMENTS);
  const name = division.level === 'province' ? department.provincial : department.local;
  return { ...place, issuer: `${division.name}${name}`, level: 'department' };
}
