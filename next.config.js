/**
 * Next.js configuration. Security headers that do not vary per request are set here, on every
 * response; the pages' Content-Security-Policy carries a per-request nonce and is set by
 * proxy.ts (lib/server/csp.ts), so it is only set here for the JSON API.
 */

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Every page is rendered per request and sent with `Cache-Control: no-store`: an ETag (a hash of
  // each ~200 KB search page, on the server's one thread) would never be asked for.
  generateEtags: false,
  reactStrictMode: true,
  // The whole tree is type-checked by `npm run typecheck` (tsc, first stage of `npm test` and CI);
  // checking it again inside every `next build` cost ~24 s of the build, in the suite and at a
  // fresh machine's first `npm start`.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
        ],
      },
      {
        // JSON only: nothing in an API response may run, load or be framed.
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
