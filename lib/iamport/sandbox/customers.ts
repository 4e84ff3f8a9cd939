import 'server-only';
import type { CustomerAnnotation } from '../types';
import type { ApiCall, SandboxContext } from './context';
import { badRequest, envelope, missingParamsMessage, notFoundMessage, ok } from './responses';
import { storeKey } from './store';

const EMPTY_PAGE = { total: 0, previous: 0, next: 0, list: [] as unknown[] };
const MAX_SCHEDULE_RANGE_S = 92 * 24 * 3600;

function notFound(ctx: SandboxContext, uid: string): Response {
  return envelope(ctx.notFoundStatus, 1, notFoundMessage(uid));
}

async function find(ctx: SandboxContext, call: ApiCall, uid: string): Promise<CustomerAnnotation | undefined> {
  return ctx.store.get(storeKey(call.tier, uid));
}

/** `GET /subscribe/customers/{customer_uid}`. */
export async function getBillingKey(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  const annotation = await find(ctx, call, uid);
  return annotation ? ok(annotation) : notFound(ctx, uid);
}

/** `DELETE /subscribe/customers/{customer_uid}`: answers the deleted key. `reason` is accepted and ignored. */
export async function deleteBillingKey(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  const key = storeKey(call.tier, uid);
  const annotation = await ctx.store.get(key);
  if (!annotation) return notFound(ctx, uid);
  await ctx.store.delete(key);
  return ok(annotation);
}

/** `GET /subscribe/customers?customer_uid[]=a&customer_uid[]=b`: 200 all found, 207 some, 404 none. */
export async function getBillingKeys(ctx: SandboxContext, call: ApiCall): Promise<Response> {
  const { searchParams } = call.url;
  const uids = [...new Set([...searchParams.getAll('customer_uid[]'), ...searchParams.getAll('customer_uid')])];
  if (uids.length === 0) return badRequest(missingParamsMessage(['customer_uid']));
  const found: CustomerAnnotation[] = [];
  for (const uid of uids) {
    const annotation = await find(ctx, call, uid);
    if (annotation) found.push(annotation);
  }
  if (found.length === 0) return envelope(404, 1, notFoundMessage(uids.join(',')));
  return ok(found, found.length === uids.length ? 200 : 207);
}

/** `GET /subscribe/customers/{customer_uid}/payments`: the sandbox never charges, so the list is empty. */
export async function listPayments(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  const annotation = await find(ctx, call, uid);
  return annotation ? ok(EMPTY_PAGE) : notFound(ctx, uid);
}

/** `GET /subscribe/customers/{customer_uid}/schedules?from&to`: no payments are ever scheduled here. */
export async function listSchedules(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  const from = call.url.searchParams.get('from');
  const to = call.url.searchParams.get('to');
  const missing = [from ? null : 'from', to ? null : 'to'].filter((name): name is string => name !== null);
  if (missing.length > 0) return badRequest(missingParamsMessage(missing));
  const fromS = Number(from);
  const toS = Number(to);
  if (!Number.isInteger(fromS) || !Number.isInteger(toS) || toS < fromS || toS - fromS > MAX_SCHEDULE_RANGE_S) {
    return badRequest('조회기간(from, to)이 올바르지 않습니다. 최대 3개월까지 조회할 수 있습니다.');
  }
  const annotation = await find(ctx, call, uid);
  return annotation ? ok(EMPTY_PAGE) : notFound(ctx, uid);
}

/** `GET /users/pg`. */
export function listChannels(ctx: SandboxContext): Response {
  return ok(
    ctx.channels.map(({ pg_provider, pg_id, sandbox, type, channel_name, channel_key }) => ({
      pg_provider,
      pg_id,
      sandbox,
      type,
      channel_name,
      channel_key,
    })),
  );
}
