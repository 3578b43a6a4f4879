import { partialResultsNotice } from '../_lib/outage';

/**
 * What the page changed about the request (a truncated query, ignored parameters), and which
 * regions are missing from its results when servers of a cluster did not answer.
 */
export function Notices({ notices, missingRegions = [] }: { notices: string[]; missingRegions?: readonly string[] }) {
  const partial = partialResultsNotice(missingRegions);
  const all = partial ? [partial, ...notices] : notices;
  if (all.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <ul>
        {all.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </div>
  );
}
