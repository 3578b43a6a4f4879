/**
 * Years as reports print them: `2019年`, `2019 年度`, and in words, `二〇一九年` (also with a
 * zero written as 零, ○, O or Ｏ, as typists do).
 */

const CN_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  O: 0,
  Ｏ: 0,
  o: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_YEAR = /([一二][〇零○OＯo一二三四五六七八九]{3})\s*年/;

/** Full-width digits (`２０１９`, as typists and converters write them) as ASCII digits. */
export function foldDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** A year expression with what may follow it in a title (`2019年度`, `二〇一九年`). */
export const YEAR_EXPRESSION = /(?:(?:19|20)\d{2}|[一二][〇零○OＯo一二三四五六七八九]{3})\s*年\s*度?/;

/** The first year named in `text` as `2019年` or `二〇一九年`, or null. */
export function yearIn(printed: string): number | null {
  const text = foldDigits(printed);
  const digits = /((?:19|20)\d{2})\s*年/.exec(text);
  const words = CN_YEAR.exec(text);
  if (digits && (!words || digits.index <= words.index)) return Number(digits[1]);
  if (!words) return null;
  const year = Number([...words[1]!].map((c) => CN_DIGIT[c]).join(''));
  return year >= 1990 && year <= 2100 ? year : null;
}
