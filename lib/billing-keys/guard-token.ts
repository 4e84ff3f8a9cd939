import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { resolveAuthSecret } from '@/lib/auth/secret';
import { getEnv } from '@/lib/env';

/** How long a "nothing at Iamport" look-up vouches for a customer_uid. */
export const GUARD_CHECK_TTL_MS = 10 * 60_000;

function key(): Buffer {
  return createHmac('sha256', resolveAuthSecret(getEnv())).update('billing-key-console/guard-check/v1').digest();
}

function mac(customerUid: string, issuedAt: number, secret: Buffer = key()): string {
  return createHmac('sha256', secret).update(`${issuedAt}\n${customerUid}`).digest('base64url');
}

/**
 * Proof that this server looked the customer_uid up at Iamport and found no key there, so the
 * issuance that follows (the form always looks up first) needs no second round trip to Iamport.
 */
export function signGuardCheck(customerUid: string, now: number = Date.now()): string {
  return `${now}.${mac(customerUid, now)}`;
}

export function verifyGuardCheck(token: string | undefined, customerUid: string, now: number = Date.now()): boolean {
  if (!token) return false;
  const [issuedAtText, signature] = token.split('.');
  const issuedAt = Number(issuedAtText);
  if (!Number.isSafeInteger(issuedAt) || !signature || now - issuedAt > GUARD_CHECK_TTL_MS || issuedAt > now + 60_000) {
    return false;
  }
  const expected = Buffer.from(mac(customerUid, issuedAt));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
