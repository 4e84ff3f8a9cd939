import 'server-only';
import { NextResponse } from 'next/server';
import { z, type ZodType } from 'zod';
import type { AccessOptions } from '@/lib/auth/access';
import type { Permission } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/model/staff';
import { AppError, toErrorBody, validationError } from '@/lib/errors';
import { getLogger } from '@/lib/log';
import { AUTH_MESSAGES } from '@/lib/messages';
import { isJsonMediaType, requestHost } from '@/lib/request-context';

const NO_STORE = { 'Cache-Control': 'no-store' };
/**
 * Largest body any route accepts, better-auth's included; an issuance body is well under 4 KB.
 * A body over it is refused from its `Content-Length` before a byte is read, and a body without one
 * (chunked) is read no further than the limit: memory stays flat whatever is sent.
 */
export const MAX_BODY_BYTES = 16 * 1024;

const tooLarge = (limit: number) =>
  new AppError('payload_too_large', `요청 본문이 너무 큽니다 (최대 ${Math.round(limit / 1024)} KB).`);

/** The body length the request declares: null when it declares none, throws when it is not a number. */
function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length');
  if (header === null) return null;
  if (!/^\d{1,15}$/.test(header.trim())) {
    throw new AppError('invalid_json', '요청 본문의 길이(Content-Length)가 올바르지 않습니다.');
  }
  return Number(header.trim());
}

/** Refuses a body whose `Content-Length` is over the limit (413), before anything reads it. */
export function assertDeclaredBodyWithinLimit(request: Request, limit = MAX_BODY_BYTES): void {
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) throw tooLarge(limit);
}

/**
 * Reads the body, at most `limit` bytes: an oversized `Content-Length` is refused unread, and a
 * chunked body is read no further than the chunk that crosses the limit. Not cancelled there:
 * cancelling drops the connection before the 413 is sent (the rest is discarded after the answer:
 * lib/lingering-close.ts).
 */
export async function readBodyCapped(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  assertDeclaredBodyWithinLimit(request, limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) throw tooLarge(limit);
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request sent by another site's page (CSRF): its `Origin` names another
 * host (the `Host` header, or a trusted proxy's `X-Forwarded-Host`), or the browser marks it cross-site. Requests without either header (scripts, curl) pass.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = requestHost(request.headers);
  let foreign = request.headers.get('sec-fetch-site') === 'cross-site';
  if (origin && origin !== 'null') {
    try {
      foreign ||= new URL(origin).host !== host;
    } catch {
      foreign = true;
    }
  } else if (origin === 'null') {
    foreign = true;
  }
  if (foreign) {
    throw new AppError('forbidden', '다른 사이트에서 보낸 요청은 처리하지 않습니다. 이 콘솔 화면에서 다시 시도하세요.');
  }
}

/** C0 controls and DEL: no route takes them in its path (the database refuses NUL outright). */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Refuses a path whose decoded segments hold control characters (`/api/billing-keys/%00`). */
export function assertCleanPath(request: Request): void {
  const { pathname } = new URL(request.url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = pathname;
  }
  if (CONTROL_CHARACTERS.test(decoded)) {
    throw new AppError('not_found', '주소에 쓸 수 없는 문자(제어 문자)가 있어 찾을 수 없습니다.');
  }
}

/** Korean messages for better-auth's codes (its own messages are English), shared with the browser. */
const FOREIGN_MESSAGES = AUTH_MESSAGES;

const FOREIGN_STATUS_MESSAGES: Record<number, string> = {
  400: '요청이 올바르지 않습니다. 입력값을 확인하세요.',
  401: '로그인이 필요하거나 인증 정보가 올바르지 않습니다.',
  403: '이 요청은 허용되지 않습니다.',
  404: '없는 주소입니다.',
  405: '이 주소는 이 방식(HTTP 메서드)의 요청을 받지 않습니다.',
  413: '요청 본문이 너무 큽니다.',
  415: '요청 본문의 형식을 처리할 수 없습니다.',
  429: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
};

/** The app's code for a foreign answer that brings none (better-auth's 404 for an unknown endpoint). */
const FOREIGN_STATUS_CODES: Record<number, string> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const HANGUL = /[가-힣]/;

/**
 * An error answer a handler built itself (better-auth's `{ code, message }` in English, or an empty
 * 404) in the app's envelope: `{ error: { code, message, … } }` with a Korean message. Status,
 * headers (cookies, Retry-After) and the foreign code are kept, so clients matching on it still do.
 */
async function inEnvelope(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const text = await response
    .clone()
    .text()
    .catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const error = record.error as { code?: unknown; message?: unknown } | undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') return response;
  const { code: foreignCode, message: foreignMessage, ...rest } = record;
  const code =
    typeof foreignCode === 'string' && foreignCode
      ? foreignCode
      : (FOREIGN_STATUS_CODES[response.status] ?? (response.status >= 500 ? 'internal_error' : 'request_failed'));
  const message =
    typeof foreignMessage === 'string' && HANGUL.test(foreignMessage)
      ? foreignMessage
      : (FOREIGN_MESSAGES[code] ??
        FOREIGN_STATUS_MESSAGES[response.status] ??
        (response.status >= 500
          ? '서버에서 요청을 처리하지 못했습니다. 잠시 후 다시 시도하세요.'
          : '요청을 처리할 수 없습니다.'));
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  return new Response(JSON.stringify({ error: { ...rest, code, message } }), { status: response.status, headers });
}

/**
 * Who may call a route. Every route names one (deny by default): `'public'` for the few that must
 * answer anyone (health, sign-in, first setup), else the permissions of which the caller's role
 * needs one.
 */
export type RouteAccess =
  | 'public'
  | Permission
  | readonly Permission[]
  | { permission: Permission | readonly Permission[]; options: AccessOptions };

type Handler<Context, Caller> = (request: Request, context: Context, actor: Caller) => Promise<Response>;

/**
 * Wraps a route handler: same-origin check for writes, the access rule, one error funnel,
 * `Cache-Control: no-store` on every answer, and one log line per request (method, path, status,
 * duration, actor id; never the body).
 */
export function apiRoute<Context>(
  access: 'public',
  handler: Handler<Context, null>,
): (request: Request, context: Context) => Promise<Response>;
export function apiRoute<Context>(
  access: Exclude<RouteAccess, 'public'>,
  handler: Handler<Context, Actor>,
): (request: Request, context: Context) => Promise<Response>;
export function apiRoute<Context>(
  access: RouteAccess,
  handler: Handler<Context, Actor> | Handler<Context, null>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const started = performance.now();
    const logger = getLogger();
    let response: Response;
    let actorId: string | undefined;
    try {
      assertSameOrigin(request);
      assertCleanPath(request);
      // Before the session is looked up: an oversized body is refused whoever sends it.
      assertDeclaredBodyWithinLimit(request);
      if (access === 'public') {
        response = await inEnvelope(await (handler as Handler<Context, null>)(request, context, null));
      } else {
        const rule =
          typeof access === 'object' && 'permission' in access ? access : { permission: access, options: {} };
        const actor = await requireActor(request, rule.permission, rule.options);
        actorId = actor.id;
        response = await inEnvelope(await (handler as Handler<Context, Actor>)(request, context, actor));
      }
    } catch (error) {
      const { status, body } = toErrorBody(error, (errorId, unexpected) => {
        logger.error({ errorId, err: unexpected }, 'unexpected error');
      });
      response = json(body, status);
    }
    const { pathname } = new URL(request.url);
    logger.info(
      {
        method: request.method,
        path: pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
        actorId,
      },
      'api request',
    );
    return response;
  };
}

/** Reads a JSON body within the size limit; 415/413/400 with a clear message otherwise. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw new AppError('unsupported_media_type', '요청 본문은 JSON이어야 합니다 (Content-Type: application/json).');
  }
  // UTF-8 as request.text() decodes it: a leading byte order mark is dropped.
  const text = new TextDecoder().decode(await readBodyCapped(request));
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', '요청 본문이 올바른 JSON이 아닙니다.');
  }
}

/**
 * Zod's own messages in Korean, for what a schema leaves to zod (a number where a string belongs,
 * an array instead of an object: API callers, never the form). A schema's own message still wins.
 */
const koreanIssues = z.locales.ko().localeError;

/** Parses with the shared schema; a failure becomes 422 with per-field messages. */
export function parseWith<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value, { error: koreanIssues });
  if (!result.success) throw validationError(result.error);
  return result.data;
}
