import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/**
 * Security headers on every response. A page's Content-Security-Policy, with its per-request script
 * nonce, is set by proxy.ts (lib/csp.ts); API answers get one that allows nothing at all.
 */
function securityHeaders(dev) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    ...(dev ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]),
  ];
}

/**
 * The customer's card-registration page (`/r/<token>`): never framed, never indexed or cached, and
 * no referrer leaves it (the token is in its address). Its Content-Security-Policy (nothing but this
 * app's own scripts, styles and calls) comes from proxy.ts with the page's nonce.
 */
function customerPageHeaders() {
  return [
    { key: 'X-Robots-Tag', value: 'noindex, nofollow, noarchive' },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cache-Control', value: 'no-store' },
  ];
}

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    poweredByHeader: false,
    reactStrictMode: true,
    // Loaded from node_modules at run time rather than bundled (worker threads, WASM).
    serverExternalPackages: ['pino', 'thread-stream', '@electric-sql/pglite', 'pg'],
    experimental: {
      // proxy.ts runs for pages, and Next.js copies each request's body for it, 10 MB by default:
      // twenty 50 MB POSTs to a page took 250 MB. No page takes a body (no server actions; the API,
      // which proxy.ts skips, caps its own at 16 KB in lib/api.ts), so the copy stops at 16 KB.
      proxyClientMaxBodySize: '16kb',
    },
    async headers() {
      return [
        { source: '/:path*', headers: securityHeaders(dev) },
        // API answers may carry customer data: never cached anywhere.
        {
          source: '/api/:path*',
          headers: [
            { key: 'Cache-Control', value: 'no-store' },
            { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
          ],
        },
        { source: '/r/:path*', headers: customerPageHeaders() },
      ];
    },
  };
}
