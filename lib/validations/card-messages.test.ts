/**
 * Card data is never echoed, not even in part: no message the issuance schema gives for a card
 * field (card_number, expiry, birth, pwd_2digit, cvc) holds digits taken from the input. The only
 * digits a message may hold are its own fixed text (`월은 01부터 12까지`), a count of digits
 * (`16자리`, not card data) and its examples (`(예: 2028-12)`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIssueBillingKeySchema, SENSITIVE_FIELDS } from './billing-key';

// 2026-11-27 12:00 KST
const schema = buildIssueBillingKeySchema(() => new Date('2026-11-27T03:00:00Z'));
/** A valid issuance on a channel that asks for every card field (ksnet: birth and pwd_2digit). */
const base = {
  customer_uid: 'cust_1',
  pg: 'ksnet',
  card_number: '4111-1111-1111-1111',
  expiry: '2028-12',
  birth: '880101',
  pwd_2digit: '12',
  cvc: '123',
};
/** Digit runs of the schema's own fixed texts, once counts and examples are taken out. */
const FIXED_RUNS = new Set(['01', '12']);

function messagesFor(field: string, value: string): string[] {
  const result = schema.safeParse({ ...base, [field]: value });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** The digit runs of a message that could have come from the input. */
function echoedRuns(message: string): string[] {
  const withoutFixed = message.replace(/\d+자리/g, '').replace(/\(예: [^)]*\)/g, '');
  return (withoutFixed.match(/\d+/g) ?? []).filter((run) => !FIXED_RUNS.has(run));
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const VALUES: Record<(typeof SENSITIVE_FIELDS)[number], fc.Arbitrary<string>> = {
  card_number: fc.oneof(
    digits(1, 22),
    fc.tuple(digits(4, 4), digits(4, 4), digits(4, 4), digits(1, 6)).map((parts) => parts.join('-')),
    fc.string({ unit: fc.constantFrom(...'0123456789- x'), maxLength: 24 }),
  ),
  expiry: fc.oneof(
    fc.tuple(digits(4, 4), digits(2, 2)).map(([year, month]) => `${year}-${month}`),
    fc
      .tuple(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 0, max: 99 }))
      .map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`),
    digits(1, 8),
    fc.string({ unit: fc.constantFrom(...'0123456789-/ '), maxLength: 10 }),
  ),
  birth: fc.oneof(digits(1, 14), fc.string({ unit: fc.constantFrom(...'0123456789- a'), maxLength: 14 })),
  pwd_2digit: fc.oneof(digits(1, 4), fc.string({ unit: fc.constantFrom(...'0123456789 a'), maxLength: 4 })),
  cvc: fc.oneof(digits(1, 6), fc.string({ unit: fc.constantFrom(...'0123456789 a'), maxLength: 6 })),
};

describe('card-field messages never echo the input', () => {
  it.each([
    ['expiry', '2030-13'],
    ['expiry', '2099-01'],
    ['expiry', '2020-05'],
    ['card_number', '4111-1111-1111-1112'],
    ['card_number', '4111-1111-1111'],
    ['birth', '881301'],
    ['birth', '1234567890'],
    ['pwd_2digit', '123'],
    ['cvc', '98765'],
  ])('%s %j: refused without its digits', (field, value) => {
    const messages = messagesFor(field, value);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(echoedRuns(message), message).toEqual([]);
  });

  for (const field of SENSITIVE_FIELDS) {
    it(`${field}: 1,000 random values, no message holds digits of the input`, () => {
      fc.assert(
        fc.property(VALUES[field], (value) => {
          for (const message of messagesFor(field, value)) {
            expect(echoedRuns(message), `${JSON.stringify(value)} → ${message}`).toEqual([]);
          }
        }),
        { numRuns: 1_000 },
      );
    });
  }
});
