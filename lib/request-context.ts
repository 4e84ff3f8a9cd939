import 'server-only';
import type { Actor, RequestContext } from '@/lib/model/staff';

/** The client's address as the server saw it (first hop of X-Forwarded-For, which `next start` sets). */
export function clientIp(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-for');
  if (forwarded) return forwarded.split(',')[0]?.trim() || null;
  return request.headers.get('x-real-ip');
}

export function requestContext(request: Request, actor: Actor | null = null): RequestContext {
  return { actor, ip: clientIp(request) };
}
