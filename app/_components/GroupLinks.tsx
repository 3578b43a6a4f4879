import Link from 'next/link';
import type { SearchQuery } from '@/lib/search/query-schema';
import { changeQuery, searchHref } from '@/lib/search/url';

/** Switches between one entry per report (the page's default) and the flat list of hits. */
export function GroupLinks({ query, grouped }: { query: SearchQuery; grouped: boolean }) {
  const options = [
    { grouped: true, label: '按报告归并', href: searchHref(changeQuery(query, { group: undefined })) },
    { grouped: false, label: '逐条列出', href: searchHref(changeQuery(query, { group: 'none' })) },
  ];
  return (
    <nav aria-label="列出方式" className="flex flex-wrap items-center gap-x-3 text-sm">
      <span className="text-slate-600">列出方式：</span>
      {options.map((option) =>
        option.grouped === grouped ? (
          <span key={option.label} aria-current="true" className="font-semibold">
            {option.label}
          </span>
        ) : (
          <Link key={option.label} href={option.href} prefetch={false} className="text-accent underline-offset-4 hover:underline">
            {option.label}
          </Link>
        ),
      )}
    </nav>
  );
}
