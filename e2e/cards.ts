import { withCheckDigit } from '../lib/card-number';
/**
 * Sandbox card numbers the browser tests type. They mirror SANDBOX_CARDS in lib/iamport/sandbox
 * (which is server-only); lib/iamport/e2e-cards.test.ts fails if the two drift apart.
 */
export const CARDS = {
  kbCheck: '5272-8900-0000-0004',
  shinhanCredit: '4518-4200-0000-0007',
  hanaUnknownType: '4619-5400-0000-0000',
  invalidCard: '4000-0001-0000-0001',
  expired: '4000-0002-0000-0000',
  declined: '4000-0003-0000-0009',
  noKeyInModule: '4000-0004-0000-0008',
  passwordCheck: '4000-0005-0000-0007',
  slow: '4000-0006-0000-0006',
  http500: '4000-0007-0000-0005',
  htmlError: '4000-0008-0000-0004',
  truncatedJson: '4000-0009-0000-0003',
  connectionDrop: '4000-0010-0000-0000',
  tokenExpiry: '4000-0011-0000-0009',
} as const;

/** A card number nobody else uses (KB check BIN + random middle), to search for in logs. */
export function markerCardDigits(): string {
  const middle = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return withCheckDigit(`527289${middle}`);
}

export const uniqueUid = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
