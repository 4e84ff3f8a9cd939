import 'server-only';
import { NextResponse } from 'next/server';
import type { ZodType } from 'zod';
import type { AccessOptions } from '@/lib/auth/access';
import type { Permission } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/auth/types';
import { AppError, toErrorBody, validationError } from '@/lib/errors';
import { getLogger } from '@/lib/log';

const NO_STORE = { 'Cache-Control': 'no-store' };
/** Largest JSON body any route accepts; an issuance body is well under 4 KB. */
const MAX_BODY_BYTES = 16 * 1024;

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request sent by another site's page (CSRF): its `Origin` names another
 * host, or the browser marks it cross-site. Requests without either header (scripts, curl) pass.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
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
export function apiRoute<Context>(access: 'public', handler: Handler<Context, null>): (request: Request, context: Context) => Promise<Response>;
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
      if (access === 'public') {
        response = await (handler as Handler<Context, null>)(request, context, null);
      } else {
        const rule = typeof access === 'object' && 'permission' in access ? access : { permission: access, options: {} };
        const actor = await requireActor(request, rule.permission, rule.options);
        actorId = actor.id;
        response = await (handler as Handler<Context, Actor>)(request, context, actor);
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
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) {
    throw new AppError('unsupported_media_type', '요청 본문은 JSON이어야 합니다 (Content-Type: application/json).');
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    throw new AppError('payload_too_large', `요청 본문이 너무 큽니다 (최대 ${MAX_BODY_BYTES / 1024} KB).`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', '요청 본문이 올바른 JSON이 아닙니다.');
  }
}

/** Parses with the shared schema; a failure becomes 422 with per-field messages. */
export function parseWith<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
