import 'server-only';
import { CLIENT_IP_HEADER, clientIp, forwardedHttps, isJsonMediaType } from '@/lib/request-context';
import { parseJson } from '@/lib/json';
import type { Auth } from './auth';

/**
 * better-auth's handler (`/api/auth/*`) behind the app's rules:
 * - better-auth sees the client address as `clientIp` decided it (trusted proxies only), never a
 *   header the client wrote;
 * - no answer carries a session token in its body (`get-session`, `list-sessions`, sign-in): the
 *   browser holds the session in an HttpOnly cookie, and script must not read it;
 * - cookies get `Secure` when a trusted proxy says the client spoke HTTPS (better-auth itself adds it
 *   only when `BETTER_AUTH_URL` is https);
 * - a body is JSON by its media type (`text/plain; charset=application/json` is refused with 415).
 */
export async function handleAuthRequest(auth: Auth, request: Request): Promise<Response> {
  if (hasBody(request) && !isJsonMediaType(request.headers.get('content-type'))) {
    return Response.json(
      {
        error: {
          code: 'unsupported_media_type',
          message: '요청 본문은 JSON이어야 합니다 (Content-Type: application/json).',
        },
      },
      { status: 415 },
    );
  }
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_IP_HEADER);
  const ip = clientIp(request);
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  const response = await auth.handler(new Request(request, { headers }));
  const secure = forwardedHttps(request.headers);
  const cookies = response.headers.getSetCookie();
  if (secure && cookies.length > 0) {
    response.headers.delete('set-cookie');
    for (const cookie of cookies) {
      response.headers.append('set-cookie', /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
    }
  }
  return withoutTokens(response);
}

/** Whether a request carries a body: a non-zero Content-Length, chunked, or a content type at all. */
function hasBody(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const length = request.headers.get('content-length');
  return (
    (length !== null && length.trim() !== '0') ||
    request.headers.has('transfer-encoding') ||
    request.headers.has('content-type')
  );
}

/** The JSON body without `token` fields (top level, in `session`, in a list of sessions). */
async function withoutTokens(response: Response): Promise<Response> {
  if (!(response.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return response;
  const text = await response.clone().text();
  const body = parseJson(text);
  if (body === undefined || !hasToken(body)) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(strip(body)), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hasToken(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasToken);
  if (!isRecord(value)) return false;
  return 'token' in value || hasToken(value.session) || hasToken(value.sessions);
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (!isRecord(value)) return value;
  const rest = { ...value };
  delete rest.token;
  if ('session' in rest) rest.session = strip(rest.session);
  if ('sessions' in rest) rest.sessions = strip(rest.sessions);
  return rest;
}
