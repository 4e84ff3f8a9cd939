import 'server-only';
import { MAGIC_BIN } from '@/lib/gateways/test-cards';

/** One issuer range of the sandbox's BIN table; codes are 금융결제원 codes (docs/iamport.md §6). */
export interface BinEntry {
  bin: string;
  cardCode: string;
  /** As most PGs (nice_v2, kcp, tosspayments, ...) name it. */
  name: string;
  /** As the old nice module names it, when it differs (`국민KB카드` vs `KB국민카드`). */
  niceName?: string;
  /** 0 credit, 1 check, null when the PG does not say. */
  cardType: 0 | 1 | null;
}

export const BIN_TABLE: readonly BinEntry[] = [
  { bin: '527289', cardCode: '381', name: 'KB국민카드', niceName: '국민KB카드', cardType: 1 },
  { bin: '451842', cardCode: '366', name: '신한카드', cardType: 0 },
  { bin: '531070', cardCode: '365', name: '삼성카드', cardType: 0 },
  { bin: '404825', cardCode: '367', name: '현대카드', cardType: 0 },
  { bin: '540926', cardCode: '368', name: '롯데카드', cardType: 0 },
  { bin: '461954', cardCode: '374', name: '하나카드', niceName: '하나SK카드', cardType: null },
  { bin: '942090', cardCode: '361', name: 'BC카드', niceName: '비씨카드', cardType: 0 },
  { bin: '524353', cardCode: '371', name: 'NH농협카드', cardType: 1 },
  { bin: '515594', cardCode: '041', name: '우리카드', cardType: 0 },
];

/** Issuer reported for the sandbox's magic cards (BIN 400000) when a scenario ends in an issue. */
export const MAGIC_BIN_ENTRY: BinEntry = {
  bin: MAGIC_BIN,
  cardCode: '361',
  name: 'BC카드',
  niceName: '비씨카드',
  cardType: 0,
};

export function lookupBin(digits: string): BinEntry | undefined {
  return BIN_TABLE.find((entry) => digits.startsWith(entry.bin));
}

export function cardNameFor(entry: BinEntry, pgProvider: string): string {
  return pgProvider === 'nice' ? (entry.niceName ?? entry.name) : entry.name;
}

/** The card number without separators, or null when it holds anything but digits, spaces and dashes. */
export function cardDigits(cardNumber: string): string | null {
  const stripped = cardNumber.replace(/[\s-]/g, '');
  return /^\d+$/.test(stripped) ? stripped : null;
}

/** `dddd-dddd-dddd-dddd` for display. */
export function groupDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1-');
}

const stars = (count: number) => '*'.repeat(Math.max(0, count));

/**
 * The number as the PG masks it: nice/nice_v2/welcome `52728927****2305`, kcp `527289******2305`,
 * tosspayments `52728927****230*`, others `527289******2305`. Length is kept for 14/15-digit cards.
 */
export function maskCardNumber(digits: string, pgProvider: string): string {
  const n = digits.length;
  switch (pgProvider) {
    case 'nice':
    case 'nice_v2':
    case 'welcome':
      return digits.slice(0, 8) + stars(n - 12) + digits.slice(-4);
    case 'tosspayments':
      return digits.slice(0, 8) + stars(n - 12) + digits.slice(-4, -1) + '*';
    default:
      return digits.slice(0, 6) + stars(n - 10) + digits.slice(-4);
  }
}

/** Matches `YYYY-MM`; returns year and month or null. */
export function parseExpiry(expiry: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(expiry.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year, month } : null;
}

/** A card is valid through the last day of its expiry month, Korean time. */
export function expiryInPast(expiry: { year: number; month: number }, nowMs: number): boolean {
  const korea = new Date(nowMs + 9 * 3600_000);
  const currentYear = korea.getUTCFullYear();
  const currentMonth = korea.getUTCMonth() + 1;
  return expiry.year < currentYear || (expiry.year === currentYear && expiry.month < currentMonth);
}
