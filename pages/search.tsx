/**
 * The search page, the one page of the portal rendered for every distinct query (the long tail
 * no cache helps). It is a Pages Router page, not an App Router one, for its cost: the App Router
 * renders a page twice, as React's RSC payload and then as HTML from that payload, and sends both;
 * here React renders the HTML once and the page's data goes along as JSON for hydration. Measured
 * under load on 1,000 reports: about a third less of the server's one thread per fresh page (the
 * README's *Serving path*). The components are the App Router's (app/_components), and the frame
 * around them is shared (pages/_app.tsx).
 */
import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { cachedSearchEngine } from '@/lib/search/client';
import { SearchUnavailableError } from '@/lib/search/errors';
import { SEARCH_PAGE_OPTIONS, searchDocuments, type SearchAnswer } from '@/lib/search/query';
import { parsePageSearchParams } from '@/lib/search/query-schema';
import { marksOutage, OUTAGE_HEADER } from '@/app/_lib/outage';
import { pageTitle } from '@/app/_lib/site';
import { SearchPageContent, searchPageTitle } from '@/app/_components/SearchPageContent';
import { UnavailableNotice } from '@/app/_components/UnavailableNotice';
import type { CompareHrefs } from '@/app/_components/CompareRowLink';
import { compareHrefsOf } from '@/app/_lib/compare-hrefs';

type SearchPageProps = { unavailable: true } | { unavailable: false; askedQ: string; results: SearchAnswer; notices: string[]; compareHrefs: CompareHrefs };

export const getServerSideProps: GetServerSideProps<SearchPageProps> = async ({ req, res, query: params }) => {
  // proxy.ts found the engine down before the page ran, and set the 503.
  if (marksOutage(req.headers[OUTAGE_HEADER])) return { props: { unavailable: true } };
  const { query: asked, notices } = parsePageSearchParams(params);
  try {
    const results = await searchDocuments(cachedSearchEngine(req.headers['cache-control']), asked, SEARCH_PAGE_OPTIONS);
    const hits = [...results.hits, ...(results.groups ?? []).flatMap((group) => group.hits)];
    return { props: { unavailable: false, askedQ: asked.q, results, notices, compareHrefs: compareHrefsOf(hits) } };
  } catch (error) {
    // The engine went down after proxy.ts checked it: the same notice and status.
    if (!(error instanceof SearchUnavailableError)) throw error;
    res.statusCode = 503;
    res.setHeader('Retry-After', '30');
    return { props: { unavailable: true } };
  }
};

export default function SearchPage(props: SearchPageProps) {
  if (props.unavailable) return <UnavailableNotice />;
  return (
    <>
      <Head>
        <title key="title">{pageTitle(searchPageTitle(props.askedQ))}</title>
      </Head>
      <SearchPageContent askedQ={props.askedQ} results={props.results} notices={props.notices} compareHrefs={props.compareHrefs} />
    </>
  );
}
