'use client';

import { SEARCH_UNAVAILABLE_DIGEST } from '@/lib/search/errors';
import { UnavailableNotice } from './_components/UnavailableNotice';

/**
 * A page that failed while rendering. An engine outage that began after proxy.ts found the
 * engine healthy gets the outage notice; anything else a generic one. Error details never
 * reach the reader.
 */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  if (error.digest === SEARCH_UNAVAILABLE_DIGEST) return <UnavailableNotice />;
  return (
    <div className="space-y-4 py-8">
      <h1 className="text-2xl font-bold">页面出错了</h1>
      <p className="text-slate-700">处理这个页面时发生了错误。请重试，或返回首页。</p>
      <p className="flex gap-4">
        <button type="button" onClick={() => retry()} className="rounded-md border border-slate-400 px-3 py-1">
          重试
        </button>
        {/* A full load on purpose: the router state is what just failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="text-accent underline underline-offset-4">
          返回首页
        </a>
      </p>
    </div>
  );
}
