import { forwardedHttps, requestHost } from '@/lib/request-context';

/**
 * The origin the agent's browser used: its Host (a trusted proxy's forwarded host and protocol
 * only, as for the origin check). Used for the customer's link when PUBLIC_URL is unset.
 */
export function requestOriginOf(request: Request): string {
  const url = new URL(request.url);
  const host = requestHost(request.headers);
  if (!host) return url.origin;
  const https = url.protocol === 'https:' || forwardedHttps(request.headers);
  return `${https ? 'https' : 'http'}://${host}`;
}
