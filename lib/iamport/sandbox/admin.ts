import 'server-only';
import type { CustomerAnnotation } from '../types';
import { cardDigits, maskCardNumber } from './cards';
import { nowSeconds, TIER_PATTERN, type SandboxContext } from './context';
import { badRequest, envelope, methodNotAllowed, notFoundMessage, ok, rawJson, routeNotFound } from './responses';
import { isFaultKind, SANDBOX_FAULT_KINDS } from './faults';
import { findGroupKey } from './keys';
import { paymentsOf } from './payments';
import { emptyStats } from './stats';
import { storeKey } from './store';
import type { SandboxAdmin } from './types';

export const ADMIN_PREFIX = '/__sandbox/';
const SECRET_FIELDS = ['pwd_2digit', 'birth', 'cvc', 'expiry'];

/** Whatever a test puts in, the store only ever holds what a PG would return: no secrets, a masked number. */
export function sanitizeAnnotation(input: CustomerAnnotation): CustomerAnnotation {
  const annotation: CustomerAnnotation = { ...input };
  for (const field of SECRET_FIELDS) delete annotation[field];
  const digits = typeof annotation.card_number === 'string' ? cardDigits(annotation.card_number) : null;
  if (digits && digits.length >= 12) annotation.card_number = maskCardNumber(digits, annotation.pg_provider);
  return annotation;
}

export function createAdmin(ctx: SandboxContext): SandboxAdmin {
  return {
    getKey: (uid, tier) => ctx.store.get(storeKey(tier, uid)),
    putKey: (annotation, tier) =>
      ctx.store.set(storeKey(tier, annotation.customer_uid), sanitizeAnnotation(annotation)),
    removeKey: (uid, tier) => ctx.store.delete(storeKey(tier, uid)),
    setFault: (uid, kind) => {
      ctx.faults.set(uid, kind);
    },
    clearFault: (uid) => ctx.faults.delete(uid),
    getFault: (uid) => ctx.faults.get(uid),
    getGroupKey: (uid, tier) => findGroupKey(ctx, tier, uid),
    payments: (uid, tier) => structuredClone(paymentsOf(ctx, tier, uid)),
  };
}

function defaultsFor(ctx: SandboxContext, uid: string): CustomerAnnotation {
  const channel = ctx.channels.find((candidate) => candidate.type === 'api_payment') ?? ctx.channels[0];
  const now = nowSeconds(ctx);
  return {
    customer_uid: uid,
    pg_provider: channel?.pg_provider ?? 'nice',
    pg_id: channel?.pg_id ?? 'nictest04m',
    sandbox: channel?.sandbox ?? true,
    card_name: null,
    card_code: null,
    card_number: null,
    card_type: null,
    customer_name: null,
    customer_tel: null,
    customer_email: null,
    customer_addr: null,
    customer_postcode: null,
    inserted: now,
    updated: now,
  };
}

async function jsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await request.text());
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

async function handleKey(
  ctx: SandboxContext,
  admin: SandboxAdmin,
  request: Request,
  url: URL,
  uid: string,
): Promise<Response> {
  const tier = request.headers.get('tier') || url.searchParams.get('tier') || undefined;
  if (tier !== undefined && !TIER_PATTERN.test(tier)) return badRequest('Tier는 영문/숫자 3자리여야 합니다.');
  if (request.method === 'GET' || request.method === 'DELETE') {
    const annotation = await admin.getKey(uid, tier);
    if (!annotation) return envelope(404, 1, notFoundMessage(uid));
    if (request.method === 'DELETE') await admin.removeKey(uid, tier);
    return ok(annotation);
  }
  if (request.method === 'PUT') {
    const body = await jsonObject(request);
    if (!body) return badRequest('CustomerAnnotation JSON 객체가 필요합니다.');
    const existing = await admin.getKey(uid, tier);
    const annotation = { ...(existing ?? defaultsFor(ctx, uid)), ...body, customer_uid: uid } as CustomerAnnotation;
    await admin.putKey(annotation, tier);
    return ok(await admin.getKey(uid, tier));
  }
  return methodNotAllowed(['GET', 'PUT', 'DELETE']);
}

/** `GET|PUT|DELETE /__sandbox/faults/{customer_uid}`: a failure for every API request naming the uid. */
async function handleFault(admin: SandboxAdmin, request: Request, uid: string): Promise<Response> {
  if (request.method === 'GET') {
    const kind = admin.getFault(uid);
    return kind ? rawJson({ customer_uid: uid, kind }) : rawJson({ customer_uid: uid, kind: null }, 404);
  }
  if (request.method === 'PUT') {
    const kind = (await jsonObject(request))?.kind;
    if (!isFaultKind(kind)) return badRequest(`kind는 ${SANDBOX_FAULT_KINDS.join(', ')} 중 하나여야 합니다.`);
    admin.setFault(uid, kind);
    return rawJson({ customer_uid: uid, kind });
  }
  if (request.method === 'DELETE') {
    const cleared = admin.clearFault(uid);
    return rawJson({ customer_uid: uid, kind: null, cleared });
  }
  return methodNotAllowed(['GET', 'PUT', 'DELETE']);
}

/** Endpoints that exist only on the sandbox (never at Iamport); no token needed. */
export async function handleAdmin(
  ctx: SandboxContext,
  admin: SandboxAdmin,
  request: Request,
  url: URL,
): Promise<Response> {
  const path = url.pathname.slice(ADMIN_PREFIX.length);
  if (path === 'stats') {
    return request.method === 'GET' ? rawJson(ctx.stats) : methodNotAllowed(['GET']);
  }
  if (path === 'stats/reset') {
    if (request.method !== 'POST') return methodNotAllowed(['POST']);
    ctx.stats = emptyStats();
    return rawJson(ctx.stats);
  }
  if (path === 'config') {
    if (request.method === 'GET') return rawJson({ notFoundStatus: ctx.notFoundStatus });
    if (request.method !== 'POST') return methodNotAllowed(['GET', 'POST']);
    const body = await jsonObject(request);
    const status = body?.notFoundStatus;
    if (status !== 404 && status !== 200) return badRequest('notFoundStatus는 404 또는 200이어야 합니다.');
    ctx.notFoundStatus = status;
    return rawJson({ notFoundStatus: ctx.notFoundStatus });
  }
  const callsMatch = /^calls\/([^/]+)$/.exec(path);
  if (callsMatch?.[1]) {
    if (request.method !== 'GET') return methodNotAllowed(['GET']);
    let uid: string;
    try {
      uid = decodeURIComponent(callsMatch[1]);
    } catch {
      return badRequest('customer_uid의 URL 인코딩이 올바르지 않습니다.');
    }
    return rawJson({ customer_uid: uid, calls: ctx.callsByUid.get(uid) ?? {} });
  }
  const keyMatch = /^(keys|faults)\/([^/]+)$/.exec(path);
  if (keyMatch?.[2]) {
    let uid: string;
    try {
      uid = decodeURIComponent(keyMatch[2]);
    } catch {
      return badRequest('customer_uid의 URL 인코딩이 올바르지 않습니다.');
    }
    return keyMatch[1] === 'faults' ? handleFault(admin, request, uid) : handleKey(ctx, admin, request, url, uid);
  }
  return routeNotFound();
}
