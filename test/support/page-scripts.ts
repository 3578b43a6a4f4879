/**
 * The script files a page's HTML loads (Next.js chunks), each counted once: what reaches a
 * reader's browser, for the key-leak tests and the benchmark's page weights.
 */
export function scriptSources(html: string): string[] {
  return [...new Set([...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&')))];
}
