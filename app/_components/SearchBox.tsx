'use client';

import { useEffect, useRef } from 'react';

interface SearchBoxProps {
  defaultValue?: string;
  autoFocus?: boolean;
  /** Filters kept when a new query is submitted (name, value). */
  keep?: ReadonlyArray<readonly [string, string]>;
  size?: 'large' | 'small';
}

/** A focus shortcut must not steal keys from a field the reader is typing in. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The search form: a plain GET form to /search (works without JavaScript). With JavaScript,
 * `/` or Ctrl/⌘-K focuses the box from anywhere on the page.
 */
export function SearchBox({ defaultValue = '', autoFocus = false, keep = [], size = 'small' }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = (event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !isTyping(event.target));
      if (!shortcut || !input.current) return;
      event.preventDefault();
      input.current.focus();
      input.current.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const large = size === 'large';
  return (
    <form action="/search" method="get" role="search" className="flex w-full gap-2">
      <label htmlFor="q" className="sr-only">
        搜索年度报告
      </label>
      <input
        ref={input}
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        maxLength={200}
        enterKeyHint="search"
        placeholder="输入关键词，如：依申请公开、行政复议、不予公开"
        aria-describedby="search-shortcut"
        className={`min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 ${large ? 'py-3 text-lg' : 'py-2'} placeholder:text-slate-500`}
      />
      {keep.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`shrink-0 rounded-md bg-accent px-4 font-medium text-white hover:bg-blue-800 ${large ? 'py-3 text-lg' : 'py-2'}`}>
        搜索
      </button>
      <span id="search-shortcut" className="sr-only">
        按 / 或 Ctrl+K 可随时回到搜索框
      </span>
    </form>
  );
}
