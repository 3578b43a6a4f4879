/** A Pages Router page that failed (pages/search.tsx): the App Router's notice (app/error.tsx), with the status Next.js set. */
import Head from 'next/head';
import { ErrorNotice } from '@/app/_components/ErrorNotice';
import { pageTitle } from '@/app/_lib/site';

export default function PortalError() {
  return (
    <>
      <Head>
        <title key="title">{pageTitle('页面出错了')}</title>
      </Head>
      <ErrorNotice />
    </>
  );
}
