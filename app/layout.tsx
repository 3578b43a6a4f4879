import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { PageFrame } from './_components/PageFrame';
import { pageTitle, SITE_DESCRIPTION, SITE_NAME } from './_lib/site';
import './globals.css';

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: pageTitle('%s') },
  description: SITE_DESCRIPTION,
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: each gets its own CSP nonce (proxy.ts), and pages show
  // the live index, never a copy frozen at build time.
  await connection();
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <PageFrame>{children}</PageFrame>
      </body>
    </html>
  );
}
