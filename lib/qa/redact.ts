import 'server-only';
import type { IssueBillingKeyBody } from '@/lib/iamport/types';
import { digitsOnly } from '@/lib/card-number';
import type { QaRedactedRequest } from '@/lib/model/qa';

/** Fields that never leave memory: replaced by `**` whatever their value. */
const SECRET_FIELDS = ['birth', 'pwd_2digit', 'cvc'] as const;

/**
 * `5272-8900-0000-0004` → `5272-89**-****-0004`: the BIN (6) and the last 4 digits stay, the rest is
 * starred, grouped as printed on the card. Anything too short to keep both is starred whole.
 */
export function maskCardForDisplay(cardNumber: string): string {
  const digits = digitsOnly(cardNumber);
  if (digits.length < 12) return '*'.repeat(Math.max(digits.length, 4));
  const masked = digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
  // AMEX (15) and Diners (14) are printed 4-6-5 and 4-6-4; everything else in fours.
  const groups = digits.length === 15 ? [4, 6, 5] : digits.length === 14 ? [4, 6, 4] : null;
  if (!groups) return masked.match(/.{1,4}/g)?.join('-') ?? masked;
  let at = 0;
  return groups.map((size) => masked.slice(at, (at += size))).join('-');
}

/** The issuance request as the QA screens show and store it. */
export function redactIssueRequest(customerUid: string, body: IssueBillingKeyBody): QaRedactedRequest {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== 'string') continue;
    shown[name] = (SECRET_FIELDS as readonly string[]).includes(name) ? '**' : value;
  }
  shown.card_number = maskCardForDisplay(body.card_number);
  return { method: 'POST', path: `/subscribe/customers/${encodeURIComponent(customerUid)}`, body: shown };
}
