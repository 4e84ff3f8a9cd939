import { digitsOnly } from '@/lib/card-number';

/**
 * What the sandbox's test cards make happen: a success, and each failure of its magic cards. The one
 * list: the sandbox's cards, the QA runner's scenarios and its form all come from it.
 */
export const SANDBOX_SCENARIOS = [
  'success',
  'invalid_card',
  'expired',
  'declined',
  'no_keyin_module',
  'password_check',
  'slow',
  'http_500',
  'html_error',
  'truncated_json',
  'connection_drop',
  'token_expiry',
] as const;
export type SandboxScenario = (typeof SANDBOX_SCENARIOS)[number];

/** Every magic failure card of the sandbox is `4000-00SS-0000-000C`: BIN 400000, SS = scenario, C = Luhn digit. */
export const MAGIC_BIN = '400000';

/** Card numbers published as test numbers by card networks, PGs and payment docs. */
const WELL_KNOWN_TEST_NUMBERS = new Set([
  '4111111111111111',
  '4242424242424242',
  '4000056655665556',
  '4012888888881881',
  '5555555555554444',
  '5105105105105100',
  '2223003122003222',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '3530111333300000',
  '30569309025904',
]);

/**
 * Whether a number is a known test card: a published test number, the sandbox's failure cards
 * (BIN 400000), or a sandbox success card (a BIN followed by nine zeros and the check digit).
 */
export function isKnownTestCard(cardNumber: string): boolean {
  const digits = digitsOnly(cardNumber);
  if (WELL_KNOWN_TEST_NUMBERS.has(digits)) return true;
  if (digits.startsWith(MAGIC_BIN)) return true;
  return digits.length === 16 && digits.slice(6, 15) === '000000000';
}

export const TEST_CARD_ON_LIVE_MESSAGE =
  '테스트 카드번호는 실제(LIVE) 채널에 쓸 수 없습니다. 고객의 실제 카드번호를 입력하거나 테스트 채널을 선택하세요.';
