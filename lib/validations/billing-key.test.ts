import { describe, expect, it } from 'vitest';
import {
  buildIssueBillingKeySchema,
  proposeCustomerUid,
  toIamportBody,
  type IssueBillingKeyInput,
} from './billing-key';
import { passesLuhn } from '@/lib/card-number';
import { formatCardNumber, formatExpiry, isValidBirthDate, isValidBusinessNumber } from './card';

// 2026-11-27 12:00 KST
const schema = buildIssueBillingKeySchema(() => new Date('2026-11-27T03:00:00Z'));

const base: IssueBillingKeyInput = {
  customer_uid: 'cust_1',
  pg: 'nice.nictest04m',
  card_number: '4111-1111-1111-1111',
  expiry: '2028-12',
};

function errorsOf(input: Partial<IssueBillingKeyInput>): Record<string, string> {
  const result = schema.safeParse({ ...base, ...input });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('card helpers', () => {
  const checks = { passesLuhn, isValidBirthDate, isValidBusinessNumber };
  const formatters = { formatCardNumber, formatExpiry };

  // For each check, the inputs it accepts and then those it refuses.
  it.each<[keyof typeof checks, string[], string[]]>([
    [
      'passesLuhn',
      ['4111111111111111', '5555555555554444', '378282246310005', '30569309025904', '0000000000000000'],
      ['4111111111111112', '12a4'],
    ],
    // 000229: 2000 was a leap year; 010229: neither 1901 nor 2001.
    ['isValidBirthDate', ['880101', '000229'], ['010229', '881301', '880132', '880431']],
    ['isValidBusinessNumber', ['2208162517', '1248100998'], ['2208162518', '1234567890', '220816251']],
  ])('%s accepts %j and refuses %j', (check, accepted, refused) => {
    for (const input of accepted) expect(checks[check](input), input).toBe(true);
    for (const input of refused) expect(checks[check](input), input).toBe(false);
  });

  it.each<[keyof typeof formatters, string, string]>([
    ['formatCardNumber', '4111111111111111', '4111-1111-1111-1111'],
    ['formatCardNumber', '4111 1111 1111 1111', '4111-1111-1111-1111'],
    ['formatCardNumber', '41111', '4111-1'],
    ['formatCardNumber', '4111-1111-1111-1111-9999', '4111-1111-1111-1111'],
    ['formatCardNumber', '378282246310005', '3782-822463-10005'],
    ['formatCardNumber', '30569309025904', '3056-930902-5904'],
    ['formatExpiry', '202812', '2028-12'],
    ['formatExpiry', '2028', '2028'],
    ['formatExpiry', '12/28', '2028-12'],
    ['formatExpiry', '3/2029', '2029-03'],
    ['formatExpiry', '2028-1299', '2028-12'],
  ])('%s(%j) = %j', (formatter, input, expected) => {
    expect(formatters[formatter](input)).toBe(expected);
  });
});

describe('issueBillingKeySchema', () => {
  it('accepts a complete, valid input', () => {
    expect(errorsOf({})).toEqual({});
  });

  it.each<[string, Partial<IssueBillingKeyInput>, string, RegExp]>([
    ['empty customer_uid', { customer_uid: '' }, 'customer_uid', /입력하세요/],
    ['81-char customer_uid', { customer_uid: 'x'.repeat(81) }, 'customer_uid', /80자 이하/],
    ['customer_uid with spaces around', { customer_uid: ' a ' }, 'customer_uid', /공백/],
    ['no channel', { pg: '' }, 'pg', /채널\(PG\)을 선택/],
    ['unknown PG', { pg: 'foo' }, 'pg', /알 수 없는 PG사/],
    ['window-only PG', { pg: 'kakaopay' }, 'pg', /API\(키인\) 방식으로 빌링키를 발급할 수 없습니다/],
    ['malformed pg', { pg: 'nice.' }, 'pg', /형식/],
    ['empty card', { card_number: '' }, 'card_number', /카드번호를 입력/],
    ['letters in card', { card_number: '4111-1111-1111-111O' }, 'card_number', /숫자만/],
    ['short card', { card_number: '4111-1111-1111' }, 'card_number', /16자리.*지금 12자리/],
    ['bad Luhn', { card_number: '4111-1111-1111-1112' }, 'card_number', /검증 숫자/],
    ['expiry shape', { expiry: '12/28' }, 'expiry', /YYYY-MM/],
    ['expiry month 13', { expiry: '2028-13' }, 'expiry', /01부터 12/],
    ['expiry month 00', { expiry: '2028-00' }, 'expiry', /01부터 12/],
    ['expired last month', { expiry: '2026-10' }, 'expiry', /지난 카드/],
    ['expiry far future', { expiry: '2090-01' }, 'expiry', /너무 멉니다/],
    ['birth 7 digits', { birth: '8801011' }, 'birth', /지금 7자리/],
    ['birth not a date', { birth: '880230' }, 'birth', /없는 날짜/],
    ['business number check digit', { birth: '2208162518' }, 'birth', /검증 숫자/],
    ['birth letters', { birth: '88o101' }, 'birth', /숫자만/],
    ['pwd one digit', { pwd_2digit: '1' }, 'pwd_2digit', /앞 2자리/],
    ['cvc 2 digits', { cvc: '12' }, 'cvc', /3자리/],
    ['cvc 5 digits', { cvc: '12345' }, 'cvc', /3자리/],
    ['email', { customer_email: 'not-an-email' }, 'customer_email', /이메일 형식/],
    ['phone letters', { customer_tel: '010-abcd-5678' }, 'customer_tel', /010-1234-5678/],
    ['phone too short', { customer_tel: '010-12' }, 'customer_tel', /010-1234-5678/],
    ['name too long', { customer_name: '가'.repeat(21) }, 'customer_name', /20자 이하/],
    ['postcode too long', { customer_postcode: '123456789' }, 'customer_postcode', /8자 이하/],
    ['address too long', { customer_addr: 'a'.repeat(201) }, 'customer_addr', /200자 이하/],
    ['channel key too long', { channel_key: 'k'.repeat(56) }, 'channel_key', /55자 이하/],
  ])('rejects %s', (_name, input, field, message) => {
    const errors = errorsOf(input);
    expect(errors[field]).toMatch(message);
  });

  it.each<[string, Partial<IssueBillingKeyInput>]>([
    ['digits-only card', { card_number: '4111111111111111' }],
    ['spaced card', { card_number: '4111 1111 1111 1111' }],
    ['AMEX 15 digits', { card_number: '3782-822463-10005' }],
    ['this month', { expiry: '2026-11' }],
    ['business number', { birth: '220-81-62517' }],
    ['leap day 2000', { birth: '000229' }],
    ['4-digit cvc', { cvc: '1234' }],
    ['phone', { customer_tel: '010-1234-5678' }],
    ['international phone', { customer_tel: '+82-10-1234-5678' }],
    ['provider only', { pg: 'kcp' }],
  ])('accepts %s', (_name, input) => {
    expect(errorsOf(input)).toEqual({});
  });

  it.each<[string, string[]]>([
    ['ksnet', ['birth', 'pwd_2digit']],
    ['tosspayments', ['customer_id']],
    ['welcome', ['customer_name']],
    ['nice', []],
  ])('per-PG required fields for %s', (provider, fields) => {
    const errors = errorsOf({ pg: `${provider}.MID1` });
    expect(Object.keys(errors).sort()).toEqual([...fields].sort());
    for (const field of fields) expect(errors[field]).toMatch(/이 PG는/);
  });

  it('ksnet passes once birth and pwd_2digit are given', () => {
    expect(errorsOf({ pg: 'ksnet', birth: '880101', pwd_2digit: '12' })).toEqual({});
  });
});

describe('toIamportBody', () => {
  it('dashes the card number, strips birth, drops blanks', () => {
    const body = toIamportBody({
      ...base,
      card_number: '4111111111111111',
      birth: '220-81-62517',
      customer_name: '  ',
      customer_tel: '010-1234-5678',
    });
    expect(body.card_number).toBe('4111-1111-1111-1111');
    expect(body.birth).toBe('2208162517');
    expect(body.customer_name).toBeUndefined();
    expect(body.customer_tel).toBe('010-1234-5678');
    expect('customer_uid' in body).toBe(false);
  });
});

describe('proposeCustomerUid', () => {
  it('is unique across calls and fits the limit', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => proposeCustomerUid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(80);
    expect([...ids][0]).toMatch(/^cust_\d{6}_[a-z0-9]{10}$/);
  });
});
