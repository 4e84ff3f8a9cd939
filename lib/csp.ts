/**
 * The Content-Security-Policy of a page, with a fresh nonce per request (proxy.ts): only scripts
 * carrying the nonce run (Next.js puts it on its own), and what they load ('strict-dynamic'); no
 * inline script otherwise, no eval outside the development server. Styles stay 'unsafe-inline':
 * Radix positions its popovers with inline styles.
 */

/** 16 random bytes, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface PagePolicyOptions {
  /** The customer's card-registration page (`/r/…`): nothing but the app's own, no images from elsewhere. */
  customer: boolean;
  /** The development server (hot reload needs eval and a websocket). */
  dev: boolean;
}

export function pageContentSecurityPolicy(nonce: string, { customer, dev }: PagePolicyOptions): string {
  const script = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`;
  const directives = customer
    ? [
        "default-src 'none'",
        script,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self'",
        "font-src 'self'",
        `connect-src 'self'${dev ? ' ws:' : ''}`,
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]
    : [
        "default-src 'self'",
        script,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        `connect-src 'self'${dev ? ' ws:' : ''}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ];
  return directives.join('; ');
}
