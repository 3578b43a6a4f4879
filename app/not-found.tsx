import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: '找不到这个页面' };

export default function NotFound() {
  return (
    <div className="space-y-4 py-8">
      <h1 className="text-2xl font-bold">找不到这个页面</h1>
      <p className="text-slate-700">地址可能有误，或这份报告已不在索引中。</p>
      <p className="flex flex-wrap gap-4">
        <Link href="/" className="text-accent underline underline-offset-4">
          返回首页
        </Link>
        <a href="/search" className="text-accent underline underline-offset-4">
          浏览全部内容
        </a>
      </p>
    </div>
  );
}
