import 'server-only';
import { randomBytes, randomInt } from 'node:crypto';
import type { CustomerAnnotation } from '../types';
import { readRequiredParams } from './body';
import { nowSeconds, type ApiCall, type SandboxContext } from './context';
import { findKey, type FoundKey } from './keys';
import { badRequest, envelope, notFoundMessage, ok } from './responses';
import { storeKey } from './store';
import type { SandboxPayment } from './types';

/** Length limits of `POST /subscribe/payments/again` (OpenAPI `again` parameters / PaymentAnnotation). */
const MAX_LENGTHS: Record<string, number> = {
  customer_uid: 80,
  merchant_uid: 40,
  name: 40,
  buyer_name: 16,
  buyer_email: 64,
  buyer_tel: 16,
  buyer_addr: 128,
  buyer_postcode: 8,
};

/** Payments made with the key under this uid, newest first. */
export function paymentsOf(ctx: SandboxContext, tier: string | undefined, uid: string): SandboxPayment[] {
  return ctx.payments.get(storeKey(tier, uid)) ?? [];
}

function digitsOf(count: number): string {
  return Array.from({ length: count }, () => String(randomInt(10))).join('');
}

/** The card a payment is charged on: the plain key's, or the first channel of a smart-routing key. */
function chargedCard(ctx: SandboxContext, found: FoundKey): CustomerAnnotation | undefined {
  if (found.kind === 'card') return found.annotation;
  const channel = found.annotation.succeededChannels[0];
  if (!channel) return undefined;
  const configured = ctx.channels.find(
    (candidate) => candidate.pg_provider === channel.pg_provider && candidate.pg_id === channel.pg_id,
  );
  return {
    ...channel,
    customer_uid: found.annotation.customer_uid,
    sandbox: configured?.sandbox ?? true,
    customer_name: null,
    customer_tel: null,
    customer_email: null,
    customer_addr: null,
    customer_postcode: null,
  };
}

/**
 * `POST /subscribe/payments/again`: charges a billing key. The sandbox always approves (there is no
 * money behind it); it exists so that the payments list has real entries. Answers a PaymentAnnotation.
 */
export async function payAgain(ctx: SandboxContext, call: ApiCall): Promise<Response> {
  const params = await readRequiredParams(call.request, ['customer_uid', 'merchant_uid', 'amount', 'name']);
  if (params instanceof Response) return params;
  for (const [field, max] of Object.entries(MAX_LENGTHS)) {
    const value = params[field];
    if (value !== undefined && value.length > max) return badRequest(`${field}는 최대 ${max}자까지 허용됩니다.`);
  }
  const amount = Number(params.amount);
  if (!Number.isFinite(amount) || amount <= 0) return badRequest('amount는 0보다 큰 숫자여야 합니다.');
  const cardQuota = params.card_quota === undefined ? 0 : Number(params.card_quota);
  if (!Number.isSafeInteger(cardQuota) || cardQuota < 0) return badRequest('card_quota는 0 이상의 정수여야 합니다.');

  const uid = params.customer_uid ?? '';
  const found = await findKey(ctx, call.tier, uid);
  const card = found ? chargedCard(ctx, found) : undefined;
  // Unknown key: a business failure on HTTP 200 (message shape unconfirmed).
  if (!card) return envelope(200, 1, notFoundMessage(uid));

  const now = nowSeconds(ctx);
  const impUid = `imps_${digitsOf(12)}`;
  const payment: SandboxPayment = {
    imp_uid: impUid,
    merchant_uid: params.merchant_uid ?? '',
    pay_method: 'card',
    channel: 'api',
    pg_provider: card.pg_provider,
    emb_pg_provider: null,
    pg_tid: randomBytes(10).toString('hex'),
    pg_id: card.pg_id,
    sandbox: card.sandbox ?? true,
    escrow: false,
    apply_num: digitsOf(8),
    bank_code: null,
    bank_name: null,
    card_code: card.card_code,
    card_name: card.card_name,
    card_quota: cardQuota,
    card_number: card.card_number,
    card_type: card.card_type,
    vbank_code: null,
    vbank_name: null,
    vbank_num: null,
    vbank_holder: null,
    vbank_date: 0,
    vbank_issued_at: 0,
    name: params.name ?? '',
    amount,
    cancel_amount: 0,
    currency: params.currency ?? 'KRW',
    buyer_name: params.buyer_name ?? null,
    buyer_email: params.buyer_email ?? null,
    buyer_tel: params.buyer_tel ?? null,
    buyer_addr: params.buyer_addr ?? null,
    buyer_postcode: params.buyer_postcode ?? null,
    custom_data: params.custom_data ?? null,
    user_agent: 'sorry_not_supported',
    status: 'paid',
    started_at: now,
    paid_at: now,
    failed_at: 0,
    cancelled_at: 0,
    fail_reason: null,
    cancel_reason: null,
    receipt_url: `https://sandbox.iamport.invalid/receipts/${impUid}`,
    cancel_history: [],
    cancel_receipt_urls: [],
    cash_receipt_issued: false,
    customer_uid: uid,
    customer_uid_usage: 'payment',
  };
  const key = storeKey(call.tier, uid);
  ctx.payments.set(key, [payment, ...(ctx.payments.get(key) ?? [])]);
  return ok(payment);
}
