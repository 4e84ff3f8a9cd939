import 'server-only';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { BodyError, readParams } from './body';
import { count, countForUids, TIER_PATTERN, type ApiCall, type SandboxContext } from './context';
import {
  deleteBillingKey,
  getBillingKey,
  getBillingKeys,
  listChannels,
  listPayments,
  listSchedules,
} from './customers';
import { faultFor, faultResponse, uidsNamedBy } from './faults';
import { issueBillingKey } from './issue';
import { payAgain } from './payments';
import {
  badRequest,
  envelope,
  internalError,
  methodNotAllowed,
  MESSAGES,
  ok,
  routeNotFound,
  unauthorized,
} from './responses';
import type { StatName } from './stats';
import { presentedToken } from './tokens';
import type { SandboxAdmin } from './types';

interface Endpoint {
  stat: StatName;
  run(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> | Response;
}

const CUSTOMER_ROUTES: readonly { pattern: RegExp; methods: Record<string, Endpoint> }[] = [
  {
    pattern: /^\/subscribe\/customers\/([^/]+)$/,
    methods: {
      GET: { stat: 'get', run: getBillingKey },
      POST: { stat: 'issue', run: issueBillingKey },
      DELETE: { stat: 'delete', run: deleteBillingKey },
    },
  },
  { pattern: /^\/subscribe\/customers\/([^/]+)\/payments$/, methods: { GET: { stat: 'payments', run: listPayments } } },
  {
    pattern: /^\/subscribe\/customers\/([^/]+)\/schedules$/,
    methods: { GET: { stat: 'schedules', run: listSchedules } },
  },
  { pattern: /^\/subscribe\/customers$/, methods: { GET: { stat: 'multiGet', run: getBillingKeys } } },
  { pattern: /^\/users\/pg$/, methods: { GET: { stat: 'listChannels', run: listChannels } } },
  { pattern: /^\/subscribe\/payments\/again$/, methods: { POST: { stat: 'payAgain', run: payAgain } } },
];

/** `POST /users/getToken` (docs/iamport.md §2). */
async function getToken(ctx: SandboxContext, request: Request): Promise<Response> {
  let params: Record<string, string>;
  try {
    params = await readParams(request);
  } catch (error) {
    if (error instanceof BodyError) return badRequest(MESSAGES.missingCredentials);
    throw error;
  }
  const result = ctx.tokens.getToken(params.imp_key, params.imp_secret);
  if (!result.ok) {
    return result.reason === 'missing'
      ? envelope(400, -1, MESSAGES.missingCredentials)
      : envelope(401, -1, MESSAGES.badCredentials);
  }
  return ok({ access_token: result.record.token, now: result.now, expired_at: result.record.expiredAt });
}

async function route(ctx: SandboxContext, admin: SandboxAdmin, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(ctx, admin, request, url);
  ctx.stats.total += 1;
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;

  if (path === '/users/getToken') {
    if (request.method !== 'POST') return methodNotAllowed(['POST']);
    count(ctx, 'getToken');
    return getToken(ctx, request);
  }

  for (const { pattern, methods } of CUSTOMER_ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    const endpoint = methods[request.method];
    if (!endpoint) return methodNotAllowed(Object.keys(methods));
    count(ctx, endpoint.stat);

    const token = ctx.tokens.verify(presentedToken(request.headers));
    if (!token) return unauthorized();
    const tier = request.headers.get('tier')?.trim() || undefined;
    if (tier !== undefined && !TIER_PATTERN.test(tier)) return unauthorized();

    let uid = '';
    if (match[1] !== undefined) {
      try {
        uid = decodeURIComponent(match[1]);
      } catch {
        return badRequest('customer_uid의 URL 인코딩이 올바르지 않습니다.');
      }
    }
    countForUids(ctx, endpoint.stat, uidsNamedBy(url, uid));
    const fault = faultFor(ctx, uidsNamedBy(url, uid));
    if (fault) return faultResponse(fault.kind, fault.uid);
    return endpoint.run(ctx, { request, url, token, tier }, uid);
  }
  return routeNotFound();
}

/** The sandbox's `(Request) => Promise<Response>`: never throws, an unexpected error is a 500 envelope. */
export function createHandler(ctx: SandboxContext, admin: SandboxAdmin): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      if (ctx.latencyMs > 0 && !new URL(request.url).pathname.startsWith(ADMIN_PREFIX)) {
        await new Promise((resolve) => setTimeout(resolve, ctx.latencyMs));
      }
      return await route(ctx, admin, request);
    } catch {
      return internalError();
    }
  };
}
