import 'server-only';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { lingerAfterAnswer } from '@/lib/lingering-close';
import type { Actor, RequestContext } from '@/lib/model/staff';

/**
 * The one reader of the headers that say where a request came from. Forwarded headers
 * (`X-Forwarded-For`, `-Host`, `-Proto`) are believed only as far as `TRUSTED_PROXY_HOPS` proxies
 * in front of the app wrote them; with 0 (the default) they are ignored and the client is the TCP
 * peer. Every value is validated and bounded before anything stores or compares it.
 */

/** Set on each incoming request by `installPeerAddressStamp` (instrumentation.ts): `<process token> <address>`. */
export const PEER_ADDRESS_HEADER = 'x-console-peer-address';
/** Set by the app on a request it hands to better-auth: the client address as `clientIp` decided it. */
export const CLIENT_IP_HEADER = 'x-console-client-ip';

/** Longest text taken as an address (an IPv6 address is at most 45 characters). */
const MAX_IP_CHARS = 45;

/** Longest forwarded header read in full. */
const MAX_FORWARDED_CHARS = 2048;

const TOKEN = Symbol.for('billing-key-console.peer-token');

/** A random token per process, so a client cannot pass a peer-address header of its own off as the stamp. */
function processToken(): string {
  const store = globalThis as unknown as { [TOKEN]?: string };
  store[TOKEN] ??= randomBytes(18).toString('base64url');
  return store[TOKEN];
}

/** The value `installPeerAddressStamp` writes for a TCP peer (also used by tests to play the server). */
export function peerStamp(address: string): string {
  return `${processToken()} ${address}`;
}

/**
 * An address as the app keeps it: a valid IPv4 or IPv6 address (an IPv4-mapped IPv6 address as
 * IPv4), else null. Ports, brackets, zones, lists and anything longer than an address are refused.
 */
export function parseIp(value: string | null | undefined): string | null {
  if (!value) return null;
  let text = value.trim();
  if (text.length === 0 || text.length > MAX_IP_CHARS) return null;
  if (/^::ffff:/i.test(text) && isIP(text.slice(7)) === 4) text = text.slice(7);
  return isIP(text) ? text.toLowerCase() : null;
}

/** The TCP peer's address, from the stamp of this process (a forged or missing stamp: null). */
function peerAddress(headers: Headers): string | null {
  const stamp = headers.get(PEER_ADDRESS_HEADER);
  if (!stamp) return null;
  const space = stamp.indexOf(' ');
  if (space < 0 || stamp.slice(0, space) !== processToken()) return null;
  return parseIp(stamp.slice(space + 1));
}

function trustedHops(): number {
  return getEnv().TRUSTED_PROXY_HOPS;
}

/**
 * Entries of a comma-separated forwarded header, outermost first. Of a header longer than any honest
 * one only the tail counts: the entries the trusted proxies appended are at its right end.
 */
function entries(value: string | null): string[] {
  if (!value) return [];
  const tail = value.length > MAX_FORWARDED_CHARS ? value.slice(value.length - MAX_FORWARDED_CHARS) : value;
  const list = tail.split(',');
  if (tail !== value) list.shift();
  return list.map((entry) => entry.trim()).filter(Boolean);
}

/**
 * The value the outermost trusted proxy wrote: with `hops` proxies each appending, the `hops`-th
 * entry from the right; when fewer are there (proxies that overwrite), the leftmost.
 */
function fromTrustedProxies(list: string[], hops: number): string | undefined {
  if (list.length === 0) return undefined;
  return list[list.length - hops] ?? list[0];
}

/**
 * The client's address: with no trusted proxy the TCP peer; with N, the address the outermost of
 * them saw (the N-th hop from the right of `X-Forwarded-For`, the peer counting as hop 0). Never
 * text that does not parse as an IP address.
 */
export function clientIpFromHeaders(headers: Headers, hops: number = trustedHops()): string | null {
  const peer = peerAddress(headers);
  if (hops === 0) return peer;
  if (!peer) return null;
  const chain = [...entries(headers.get('x-forwarded-for')), peer];
  return parseIp(chain[chain.length - 1 - hops] ?? chain[0]);
}

export function clientIp(request: Request): string | null {
  return clientIpFromHeaders(request.headers);
}

/** `host[:port]` as the client addressed it: the trusted proxy's `X-Forwarded-Host`, else `Host`. */
export function requestHost(headers: Headers, hops: number = trustedHops()): string | null {
  const forwarded = hops > 0 ? fromTrustedProxies(entries(headers.get('x-forwarded-host')), hops) : undefined;
  const host = (forwarded ?? headers.get('host') ?? '').trim().toLowerCase();
  return host && host.length <= 255 && /^[a-z0-9.:[\]-]+$/.test(host) ? host : null;
}

/** Whether a trusted proxy says the client spoke HTTPS (`X-Forwarded-Proto: https`). */
export function forwardedHttps(headers: Headers, hops: number = trustedHops()): boolean {
  if (hops === 0) return false;
  return fromTrustedProxies(entries(headers.get('x-forwarded-proto')), hops)?.toLowerCase() === 'https';
}

/**
 * Whether a `Content-Type` is JSON: the media type itself must be `application/json` (parsed, not
 * searched: `text/plain; charset=application/json` is text), with no charset but UTF-8.
 */
export function isJsonMediaType(value: string | null | undefined): boolean {
  if (!value || value.length > 200) return false;
  const [type, ...parameters] = value.split(';');
  if (type?.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, raw = ''] = parameter.split('=');
    if (name?.trim().toLowerCase() !== 'charset') return true;
    return (
      raw
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase() === 'utf-8'
    );
  });
}

/** Longest user agent kept (sessions); longer ones are cut. */
export const MAX_USER_AGENT_CHARS = 512;

/** A user agent as the app stores it: control characters dropped, at most 512 characters. */
export function boundedUserAgent(value: string | null | undefined): string | null {
  if (!value) return null;
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean ? clean.slice(0, MAX_USER_AGENT_CHARS) : null;
}

/** The signed-in staff member a use case acts for; a context without one is refused (401). */
export function signedIn(context: RequestContext): Actor {
  if (!context.actor) throw new AppError('unauthenticated', '로그인이 필요합니다.');
  return context.actor;
}

export function requestContext(request: Request, actor: Actor | null = null): RequestContext {
  return { actor, ip: clientIp(request) };
}

/**
 * Whether a request target's path has malformed percent-encoding (`/keys/%ZZ`, a cut `%E0%A4%A`).
 * Next.js cannot route such a path and answers a bare 500 of its own; the app answers it first.
 */
export function hasMalformedPath(target: string | undefined): boolean {
  if (!target) return false;
  const path = target.split(/[?#]/, 1)[0] ?? '';
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The answer to a malformed path: the API's Korean error envelope, or a short Korean page. */
export function malformedPathAnswer(target: string): { status: number; headers: Record<string, string>; body: string } {
  const message = '주소의 퍼센트 인코딩(%XX)이 올바르지 않습니다. 주소를 확인하세요.';
  const common = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  };
  if (target.startsWith('/api/')) {
    return {
      status: 400,
      headers: { ...common, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ error: { code: 'invalid_path', message } }),
    };
  }
  return {
    status: 400,
    headers: { ...common, 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="ko"><meta charset="utf-8"><title>잘못된 주소 · 빌링키 콘솔</title><main><h1>잘못된 주소입니다</h1><p>${message}</p><p><a href="/">처음 화면으로</a></p></main></html>`,
  };
}

const INSTALLED = Symbol.for('billing-key-console.peer-stamp-installed');

/**
 * Writes each incoming request's TCP peer into `PEER_ADDRESS_HEADER`, replacing any value the client
 * sent, before Next.js sees the request (route handlers get no socket); answers a malformed path
 * itself (`hasMalformedPath`); lingers after an answer that left its body unread
 * (`lingerAfterAnswer`). Called once from
 * `instrumentation.ts` in the Node.js runtime.
 */
export async function installPeerAddressStamp(): Promise<void> {
  const store = globalThis as unknown as { [INSTALLED]?: boolean };
  if (store[INSTALLED]) return;
  store[INSTALLED] = true;
  const http = await import('node:http');
  const https = await import('node:https');
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') {
        const request = args[0] as import('node:http').IncomingMessage;
        if (hasMalformedPath(request.url)) {
          const answer = malformedPathAnswer(request.url ?? '/');
          const response = args[1] as import('node:http').ServerResponse;
          response.writeHead(answer.status, answer.headers).end(answer.body);
          request.resume();
          return true;
        }
        lingerAfterAnswer(request, args[1] as import('node:http').ServerResponse);
        const address = request.socket?.remoteAddress;
        if (address) request.headers[PEER_ADDRESS_HEADER] = peerStamp(address);
        else delete request.headers[PEER_ADDRESS_HEADER];
      }
      return emit.call(this, event, ...args);
    };
  }
}
