import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/**
 * Security headers on every response. Scripts may be inline (Next's bootstrap) but never eval'd,
 * except by the development server's hot reload.
 */
function securityHeaders(dev) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: csp },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    ...(dev ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]),
  ];
}

/**
 * The customer's card-registration page (`/r/<token>`): nothing but this app's own scripts, styles
 * and calls; no images or fonts from anywhere else, no forms posted elsewhere, never framed,
 * never indexed or cached, and no referrer leaves it (the token is in its address).
 */
function customerPageHeaders(dev) {
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: csp },
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
    async headers() {
      return [
        { source: '/:path*', headers: securityHeaders(dev) },
        // API answers may carry customer data: never cached anywhere.
        { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
        { source: '/r/:path*', headers: customerPageHeaders(dev) },
      ];
    },
  };
}
