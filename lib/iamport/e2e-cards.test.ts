import { describe, expect, it } from 'vitest';
import { CARDS, markerCardDigits } from '@/e2e/cards';
import { SANDBOX_CARDS } from './sandbox';
import { passesLuhn } from '@/lib/card-number';

describe('e2e card fixtures', () => {
  const scenarioOf = (number: string) => SANDBOX_CARDS.find((card) => card.number === number)?.scenario;

  it.each([
    ['kbCheck', 'success'],
    ['shinhanCredit', 'success'],
    ['hanaUnknownType', 'success'],
    ['invalidCard', 'invalid_card'],
    ['expired', 'expired'],
    ['declined', 'declined'],
    ['noKeyInModule', 'no_keyin_module'],
    ['passwordCheck', 'password_check'],
    ['slow', 'slow'],
    ['http500', 'http_500'],
    ['htmlError', 'html_error'],
    ['truncatedJson', 'truncated_json'],
    ['connectionDrop', 'connection_drop'],
    ['tokenExpiry', 'token_expiry'],
  ] as const)('%s is the sandbox card for %s', (name, scenario) => {
    expect(scenarioOf(CARDS[name])).toBe(scenario);
  });

  it('marker cards pass the Luhn check and differ each time', () => {
    const a = markerCardDigits();
    expect(passesLuhn(a)).toBe(true);
    expect(a).toHaveLength(16);
    expect(markerCardDigits()).not.toBe(a);
  });
});
