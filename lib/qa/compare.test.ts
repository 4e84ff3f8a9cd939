import { describe, expect, it } from 'vitest';
import { differingCells } from './compare';
import { maskCardForDisplay, redactIssueRequest } from './redact';
import type { QaCell } from '@/lib/model/qa';

const cell = (
  channelKey: string,
  scenario: QaCell['scenario'],
  outcome: QaCell['outcome'],
  pgCode: string | null = null,
): QaCell => ({
  channelKey,
  scenario,
  customerUid: `qa_x_${scenario}`,
  outcome,
  expected: 'issued',
  latencyMs: Math.round(Math.random() * 100),
  pgCode,
  iamportCode: pgCode ? -1 : null,
  message: null,
  request: null,
  response: null,
});

describe('comparing two runs', () => {
  it('finds cells whose outcome or PG code differ, and cells only one run has, never latency alone', () => {
    const a = [
      cell('nice', 'success', 'issued'),
      cell('nice', 'declined', 'rejected', 'F114'),
      cell('nice', 'slow', 'unknown'),
      cell('kcp', 'success', 'issued'),
    ];
    const b = [
      cell('nice', 'success', 'issued'),
      cell('nice', 'declined', 'rejected', 'F999'),
      cell('nice', 'slow', 'issued'),
      cell('ksnet', 'success', 'issued'),
    ];
    const differences = differingCells(a, b).map((difference) => [
      difference.channelKey,
      difference.scenario,
      difference.a?.outcome ?? '-',
      difference.b?.outcome ?? '-',
    ]);
    expect(differences).toEqual([
      ['nice', 'declined', 'rejected', 'rejected'],
      ['nice', 'slow', 'unknown', 'issued'],
      ['kcp', 'success', 'issued', '-'],
      ['ksnet', 'success', '-', 'issued'],
    ]);
    expect(differingCells(a, a)).toEqual([]);
  });
});

describe('redaction', () => {
  it('keeps the BIN and the last four digits, grouped by four', () => {
    expect(maskCardForDisplay('5272-8900-0000-0004')).toBe('5272-89**-****-0004');
    expect(maskCardForDisplay('5272890000000004')).toBe('5272-89**-****-0004');
    expect(maskCardForDisplay('3782-822463-10005')).toBe('3782-82****-*0005');
    expect(maskCardForDisplay('3056-930902-5904')).toBe('3056-93****-5904');
    expect(maskCardForDisplay('1234')).toBe('****');
  });

  it('stars the secrets whatever they hold, and keeps the rest of the body', () => {
    const request = redactIssueRequest('qa uid/1', {
      card_number: '4518-4200-0000-0007',
      expiry: '2030-12',
      birth: '880101',
      pwd_2digit: '12',
      cvc: '123',
      pg: 'ksnet.2999199999',
    });
    expect(request).toEqual({
      method: 'POST',
      path: '/subscribe/customers/qa%20uid%2F1',
      body: {
        card_number: '4518-42**-****-0007',
        expiry: '2030-12',
        birth: '**',
        pwd_2digit: '**',
        cvc: '**',
        pg: 'ksnet.2999199999',
      },
    });
  });
});
