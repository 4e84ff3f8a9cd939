/**
 * customer_uid (issue 10, finding 11): a new one may not hold a lone surrogate (it cannot be sent
 * to Iamport or stored), bidi controls or zero-width characters (two ids that look alike); every
 * stored one stays reachable by the path parameter, odd characters included.
 */
import { describe, expect, it } from 'vitest';
import { buildIssueBillingKeySchema } from './billing-key';
import { customerUidParamSchema, decodeRouteParam } from './key-actions';

const schema = buildIssueBillingKeySchema(() => new Date('2026-11-27T03:00:00Z'));
const base = { pg: 'nice.nictest04m', card_number: '4111-1111-1111-1111', expiry: '2028-12' };

function uidError(customer_uid: unknown): string | undefined {
  const result = schema.safeParse({ ...base, customer_uid });
  if (result.success) return undefined;
  return result.error.issues.find((issue) => issue.path[0] === 'customer_uid')?.message;
}

const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e'];

describe('a new customer_uid', () => {
  it.each(['cust\ud800', '\udc00cust', 'a\ud83db'])('refuses a lone surrogate %j with a Korean message', (uid) => {
    expect(uidError(uid)).toMatch(/[가-힣]/);
  });

  it.each(BIDI.map((char) => [char.codePointAt(0)!.toString(16), char]))(
    'refuses the bidi control U+%s',
    (_code, char) => {
      expect(uidError(`cust${char}001`)).toMatch(/방향/);
    },
  );

  it.each(INVISIBLE.map((char) => [char.codePointAt(0)!.toString(16), char]))(
    'refuses the invisible character U+%s',
    (_code, char) => {
      expect(uidError(`cust${char}001`)).toMatch(/보이지 않는/);
    },
  );

  it.each(['a<b', 'a=b', 'a/b', 'a?b', 'a"b', '고객/2026?x=1', '😀 cust', 'a#b%20c'])('accepts %j', (uid) => {
    expect(uidError(uid)).toBeUndefined();
  });
});

describe('the customer_uid path parameter (a stored key)', () => {
  it.each(['cust\u200b001', 'cust\u202e001', 'a<b', 'a=b"c', 'a/b?c'])('reaches the stored uid %j', (uid) => {
    expect(customerUidParamSchema.safeParse(uid).success).toBe(true);
  });

  it('refuses a lone surrogate (no key can hold one) with 422, not a crash', () => {
    const result = customerUidParamSchema.safeParse('cust\ud800');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/[가-힣]/);
  });
});

describe('a detail page segment (pages get it percent-encoded)', () => {
  it.each(['a<b', 'a=b', 'a/b', 'a?b', 'a"b', 'a\u200bb', 'a b', 'a%b', 'a%2Fb', '고객#1', 'plain_1'])(
    'the link to %j leads back to it',
    (uid) => {
      expect(decodeRouteParam(encodeURIComponent(uid))).toBe(uid);
    },
  );

  it('a malformed escape is kept, not thrown', () => {
    expect(decodeRouteParam('a%ZZ')).toBe('a%ZZ');
    expect(decodeRouteParam('%E0%A4%A')).toBe('%E0%A4%A');
  });
});
