import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageContentSecurityPolicy } from '@/lib/csp';
import { getEnv } from '@/lib/env';

/**
 * Every page gets its own script nonce (Next.js 16 Proxy, docs "Content Security Policy"): the
 * policy goes on the response, and on the request, where Next.js reads the nonce to put it on its
 * own scripts. Pages are rendered per request anyway (app/layout.tsx: force-dynamic).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, {
    customer: request.nextUrl.pathname.startsWith('/r/'),
    dev: getEnv().NODE_ENV === 'development',
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Pages only: not the API (its own policy, next.config.js), not static files, not prefetches.
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
