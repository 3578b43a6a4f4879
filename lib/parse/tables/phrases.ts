/** Reader-facing phrasing shared by row notes and warnings, which readers see in Chinese. */

/** `A`、`B`和`C` (or 或): a Chinese list, the conjunction before its last item only. */
export function listOf(items: readonly string[], conjunction: '和' | '或'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}${conjunction}${items.at(-1)}`;
}
