'use client';

import { SEARCH_UNAVAILABLE_DIGEST } from '@/lib/search/errors';
import { ErrorNotice } from './_components/ErrorNotice';
import { UnavailableNotice } from './_components/UnavailableNotice';

/**
 * A page that failed while rendering. An engine outage that began after proxy.ts found the
 * engine healthy gets the outage notice; anything else a generic one. Error details never
 * reach the reader.
 */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  if (error.digest === SEARCH_UNAVAILABLE_DIGEST) return <UnavailableNotice />;
  return (
    <ErrorNotice
      retry={
        <button type="button" onClick={() => retry()} className="rounded-md border border-slate-400 px-3 py-1">
          重试
        </button>
      }
    />
  );
}
