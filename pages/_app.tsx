/** The frame of the Pages Router's pages (pages/search.tsx): the same as the App Router's (app/layout.tsx). */
import type { AppProps } from 'next/app';
import Head from 'next/head';
import { PageFrame } from '@/app/_components/PageFrame';
import { SITE_DESCRIPTION, SITE_NAME } from '@/app/_lib/site';
import '@/app/globals.css';

export default function PortalApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <title key="title">{SITE_NAME}</title>
        <meta name="description" content={SITE_DESCRIPTION} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <PageFrame>
        <Component {...pageProps} />
      </PageFrame>
    </>
  );
}
