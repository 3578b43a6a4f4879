'use client';

import { useState } from 'react';

/**
 * A link to a passage. Without JavaScript it is a plain `#anchor` link (the address bar then
 * holds the link to copy); with JavaScript a click also copies the passage's address, without
 * the highlighting query, to the clipboard.
 */
export function CopyLink({ anchor, label }: { anchor: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    const url = new URL(window.location.href);
    url.search = '';
    url.hash = anchor;
    navigator.clipboard?.writeText(url.toString()).then(
      () => {
        setCopied(true);
        window.setTimeout(() => setCopied(false), 2000);
      },
      () => setCopied(false),
    );
  };
  return (
    <a
      href={`#${anchor}`}
      onClick={copy}
      className="ml-1 inline-flex items-center rounded px-1 text-sm font-normal text-slate-500 no-underline hover:bg-slate-100 hover:text-accent"
    >
      <span aria-hidden="true">#</span>
      <span className="sr-only">{label}的链接</span>
      <span role="status" className={copied ? 'ml-1 text-xs text-green-700' : 'sr-only'}>
        {copied ? '已复制链接' : ''}
      </span>
    </a>
  );
}
