/**
 * Page chrome that ingest left in the report body: a site's breadcrumb and share bar before
 * the report (`当前位置： 首页… 来源：… 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： -->`), a
 * converter's `正文` line, the site's `附件下载` after it (page numbers: page-furniture.ts).
 * None of it is report text, so none of it may become a section or search document.
 */

/** Words of a site's article header and share bar, as they follow a `当前位置` breadcrumb. */
const BAR_TOKENS =
  /(?:相关链接[：:]\s*(?:-->)?|文件下载|文字版|全真版|QQ空间|微博|微信|分享到[：:]?|【\s*字体[：:][^】]*】|打印本页|关闭窗口|来源[：:]\s*\S*|时间[：:]\s*[\d-]+(?:\s+[\d:]+)?|发布时间[：:]\s*[\d-]+(?:\s+[\d:]+)?)/g;

/** How far a breadcrumb bar may reach: it is a line of navigation, never a paragraph. */
const BAR_REACH = 400;

/** End of a site header at the start of `text` (0 when there is none). */
export function leadingChromeEnd(text: string): number {
  const lead = /^\s*(?:正文\s*\n)?/.exec(text)![0].length;
  if (!/^当前位置\s*[：:]/.test(text.slice(lead))) return lead;
  const window = text.slice(lead, lead + BAR_REACH);
  const sentenceEnd = window.search(/[。；]/);
  const reach = sentenceEnd === -1 ? window.length : sentenceEnd;
  let end = 0;
  for (const token of window.matchAll(BAR_TOKENS)) {
    const tokenEnd = token.index + token[0].length;
    if (tokenEnd <= reach) end = tokenEnd;
  }
  // No bar tokens: the breadcrumb is one line at most.
  if (end === 0) end = Math.max(window.indexOf('\n'), 0);
  return lead + end + /^\s*/.exec(text.slice(lead + end))![0].length;
}

/** What a site prints after an article. */
const FOOTER_TOKEN = /(?:附件下载|相关附件[：:]?|【\s*打印本页\s*】|【\s*关闭窗口\s*】)$/;

/** Start of a site footer at the end of `text` (`text.length` when there is none). */
export function trailingChromeStart(text: string): number {
  let end = text.trimEnd().length;
  for (let token = FOOTER_TOKEN.exec(text.slice(0, end)); token; token = FOOTER_TOKEN.exec(text.slice(0, end))) {
    end = text.slice(0, token.index).trimEnd().length;
  }
  return end;
}
