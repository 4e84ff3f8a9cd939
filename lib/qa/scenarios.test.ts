import { describe, expect, it } from 'vitest';
import type { QaCell } from '@/lib/model/qa';
import { cellMatch, expectedOutcomeFor, missingFieldText } from './scenarios';

const cell = (over: Partial<QaCell>): QaCell => ({
  channelKey: 'k',
  scenario: 'password_check',
  customerUid: 'qa_1',
  outcome: 'rejected',
  expected: 'rejected',
  expectedPgCode: '7051',
  latencyMs: 10,
  pgCode: '7051',
  iamportCode: -1,
  message: null,
  request: null,
  response: null,
  ...over,
});

describe('cellMatch', () => {
  it('is matched when the outcome and the expected PG code agree', () => {
    expect(cellMatch(cell({}))).toBe('matched');
    // No code expected (a live channel, or a run stored before codes were kept): the outcome decides.
    expect(cellMatch(cell({ expectedPgCode: null, pgCode: '400' }))).toBe('matched');
    expect(cellMatch(cell({ expectedPgCode: undefined, pgCode: '400' }))).toBe('matched');
  });

  it('is mismatched on another outcome or another PG code', () => {
    expect(cellMatch(cell({ outcome: 'issued', pgCode: null }))).toBe('mismatched');
    // The bug this catches: NICEPAY's 400 shown for a KSNET refusal.
    expect(cellMatch(cell({ pgCode: '400' }))).toBe('mismatched');
  });

  it('says nothing while pending or for a skipped cell', () => {
    expect(cellMatch(cell({ outcome: 'pending' }))).toBeNull();
    expect(cellMatch(cell({ outcome: 'skipped' }))).toBeNull();
  });
});

describe('the missing PG field scenario', () => {
  it('expects a refusal where the PG requires a field, an issue where it requires none', () => {
    expect(expectedOutcomeFor('missing_pg_field', 'ksnet')).toBe('rejected');
    expect(expectedOutcomeFor('missing_pg_field', 'tosspayments')).toBe('rejected');
    expect(expectedOutcomeFor('missing_pg_field', 'welcome')).toBe('rejected');
    expect(expectedOutcomeFor('missing_pg_field', 'nice')).toBe('issued');
    expect(expectedOutcomeFor('declined', 'nice')).toBe('rejected');
    expect(missingFieldText('ksnet')).toBe('생년월일 (birth) 빼고 보냄');
    expect(missingFieldText('welcome')).toBe('구매자 이름 (customer_name) 빼고 보냄');
    expect(missingFieldText('kcp')).toBeNull();
  });
});
