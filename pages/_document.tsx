/** The HTML document of the Pages Router's pages, as app/layout.tsx makes it for the App Router's. */
import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document';

/** `nonce`: the request's CSP nonce (proxy.ts), which a document of one's own must hand on to the scripts. */
export default function PortalDocument({ nonce }: DocumentProps) {
  return (
    <Html lang="zh-CN">
      <Head nonce={nonce}>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <body className="min-h-screen bg-white text-slate-900 antialiased">
        <Main />
        <NextScript nonce={nonce} />
      </body>
    </Html>
  );
}
