import Link from 'next/link';
import type { Relaxation, Suggestion } from '@/lib/search/view';
import { formatCount } from '../_lib/format';

/** "您是不是要找": a corrected query that finds clearly more, as a link. */
export function DidYouMean({ suggestion }: { suggestion: Suggestion }) {
  return (
    <p className="text-base">
      您是不是要找：
      <Link href={suggestion.href} prefetch={false} className="font-semibold text-accent underline underline-offset-4">
        {suggestion.q}
      </Link>
      <span className="text-sm text-slate-600">（{formatCount(suggestion.count)} 条）</span>
    </p>
  );
}

/** No document had every word: which were left out to find these. */
export function RelaxedNotice({ relaxed }: { relaxed: Relaxation }) {
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      没有同时包含“{relaxed.typed}”全部词语的内容；下面是去掉“{relaxed.dropped.join('”“')}”后，包含“{relaxed.text}”的结果。
    </p>
  );
}
