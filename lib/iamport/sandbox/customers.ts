import 'server-only';
import type { ApiCall, SandboxContext } from './context';
import { findKey, removeKey } from './keys';
import { paymentsOf } from './payments';
import { badRequest, envelope, missingParamsMessage, notFoundMessage, ok } from './responses';

const MAX_SCHEDULE_RANGE_S = 92 * 24 * 3600;
/** `GET /subscribe/customers/{customer_uid}/payments` answers at most this many per page. */
export const PAYMENTS_PER_PAGE = 20;

function notFound(ctx: SandboxContext, uid: string): Response {
  return envelope(ctx.notFoundStatus, 1, notFoundMessage(uid));
}

/** `GET /subscribe/customers/{customer_uid}`: a CustomerAnnotation, or a SuperBillingKeyAnnotation. */
export async function getBillingKey(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  const found = await findKey(ctx, call.tier, uid);
  return found ? ok(found.annotation) : notFound(ctx, uid);
}

/** `DELETE /subscribe/customers/{customer_uid}`: answers the deleted key. `reason` is accepted and ignored. */
export async function deleteBillingKey(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  const removed = await removeKey(ctx, call.tier, uid);
  return removed ? ok(removed.annotation) : notFound(ctx, uid);
}

/** `GET /subscribe/customers?customer_uid[]=a&customer_uid[]=b`: 200 all found, 207 some, 404 none. */
export async function getBillingKeys(ctx: SandboxContext, call: ApiCall): Promise<Response> {
  const { searchParams } = call.url;
  const uids = [...new Set([...searchParams.getAll('customer_uid[]'), ...searchParams.getAll('customer_uid')])];
  if (uids.length === 0) return badRequest(missingParamsMessage(['customer_uid']));
  const found: unknown[] = [];
  for (const uid of uids) {
    const key = await findKey(ctx, call.tier, uid);
    if (key) found.push(key.annotation);
  }
  if (found.length === 0) return envelope(404, 1, notFoundMessage(uids.join(',')));
  return ok(found, found.length === uids.length ? 200 : 207);
}

/** A `page` query parameter: 1 when absent, undefined when not an integer ≥ 1. */
function pageNumber(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return 1;
  const page = Number(raw);
  return Number.isSafeInteger(page) && page >= 1 ? page : undefined;
}

/**
 * `GET /subscribe/customers/{customer_uid}/payments?page=N`: the payments made with the key
 * (`POST /subscribe/payments/again`), newest first, 20 a page; `previous`/`next` are 0 when there is none.
 * A uid is known while it holds a key or has payments (they outlive a deleted key).
 */
export async function listPayments(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  const page = pageNumber(call.url.searchParams.get('page'));
  if (page === undefined) return badRequest('page는 1 이상의 정수여야 합니다.');
  const payments = paymentsOf(ctx, call.tier, uid);
  if (payments.length === 0 && !(await findKey(ctx, call.tier, uid))) return notFound(ctx, uid);
  const total = payments.length;
  const start = (page - 1) * PAYMENTS_PER_PAGE;
  return ok({
    total,
    previous: page > 1 ? page - 1 : 0,
    next: start + PAYMENTS_PER_PAGE < total ? page + 1 : 0,
    list: payments.slice(start, start + PAYMENTS_PER_PAGE),
  });
}

/**
 * `GET /subscribe/customers/{customer_uid}/schedules?from&to`: no payments are ever scheduled here, so
 * the answer is the empty array the OpenAPI document's `ScheduleResponse` describes.
 */
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
  return (await findKey(ctx, call.tier, uid)) ? ok([]) : notFound(ctx, uid);
}

/** `GET /users/pg`: the six fields of each channel (the sandbox's group membership is not among them). */
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
