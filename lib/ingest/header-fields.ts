/**
 * `key: value` lines that describe a page rather than report on anything: crawler headers,
 * CMS metadata tables (`索引号：… 发布机构：… 生成日期：…`), front matter. The keys vary by site
 * and language; the ones that carry metadata are mapped to `FileHeader` fields, the others
 * (`文号`, `栏目`, `索引号`, `主题分类` …) are recognised as fields and ignored.
 */
import type { FileHeader } from './types';

const KEY_TO_FIELD: ReadonlyArray<readonly [RegExp, keyof FileHeader]> = [
  [/^(?:标题|題目|题目|文章标题|文章標題|標題|名称|名稱|信息名称|文件名称|title|name|subject)$/i, 'title'],
  [
    /^(?:发布时间|發佈時間|发布日期|發布日期|发文日期|成文日期|生成日期|公开日期|公布日期|日期|时间|date|published(?:_?at)?|pub_?date|publish_?(?:date|time)|created(?:_?at)?)$/i,
    'publishedAt',
  ],
  [/^(?:原始链接|原文链接|原文地址|原始地址|链接|網址|网址|来源链接|来源网址|页面地址|页面链接地址|url|link|source_?url|href|canonical)$/i, 'sourceUrl'],
  [/^(?:发布机构|發佈機構|发布机关|发文机关|发文单位|发布单位|来源|來源|信息来源|文章来源|publisher|issuer|author|source|机构)$/i, 'issuer'],
  [/^(?:网站|站点|网站名称|site|site_?name)$/i, 'site'],
];

/** A key: a short name, no sentence punctuation and no digits (`地址：…` in a sentence is not a key). */
const FIELD_LINE = /^(?:[-*+]\s+)?(?:\*\*)?([A-Za-z_][A-Za-z_ ]{0,20}|[\u4e00-\u9fff]{1,8})(?:\*\*)?\s*[:：]\s*(.*)$/;

export interface HeaderField {
  /** The `FileHeader` field the key names; undefined for a field we do not use. */
  key?: keyof FileHeader;
  value: string;
}

/** The field a line states, or null when the line is not a `key: value` line. */
export function fieldOfLine(line: string): HeaderField | null {
  const match = FIELD_LINE.exec(line.trim());
  if (!match) return null;
  const name = match[1]!.trim();
  const value = match[2]!.replace(/\*\*$/, '').trim();
  const key = KEY_TO_FIELD.find(([pattern]) => pattern.test(name))?.[1];
  // A value that is a sentence (`内容：根据《条例》…。`) is text, not a field.
  if (!key && /[。；]/.test(value)) return null;
  return key ? { key, value } : { value };
}
