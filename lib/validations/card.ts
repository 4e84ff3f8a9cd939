/** Pure card-field helpers shared by the form (formatting while typing) and the schema (checks). */
import { digitsOnly } from '@/lib/card-number';

/** AMEX is 15 digits (4-6-5) and Diners 14 (4-6-4); everything else 16 (4-4-4-4). */
export function expectedCardLength(digits: string): 14 | 15 | 16 {
  if (/^3[47]/.test(digits)) return 15;
  if (/^3(0[0-5]|[68])/.test(digits)) return 14;
  return 16;
}

/** Inserts dashes as the agent types or pastes: `1234567812345678` → `1234-5678-1234-5678`. */
export function formatCardNumber(input: string): string {
  const digits = digitsOnly(input);
  const length = expectedCardLength(digits);
  const clipped = digits.slice(0, length);
  const groups = length === 16 ? [4, 4, 4, 4] : length === 15 ? [4, 6, 5] : [4, 6, 4];
  const parts: string[] = [];
  let index = 0;
  for (const size of groups) {
    if (index >= clipped.length) break;
    parts.push(clipped.slice(index, index + size));
    index += size;
  }
  return parts.join('-');
}

/** `202812` → `2028-12`; a pasted `12/28` or `12/2028` → `2028-12`. */
export function formatExpiry(input: string): string {
  const trimmed = input.trim();
  const slash = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(trimmed);
  if (slash) {
    const [, month = '', year = ''] = slash;
    const fullYear = year.length === 2 ? `20${year}` : year;
    return `${fullYear}-${month.padStart(2, '0')}`;
  }
  const digits = digitsOnly(trimmed).slice(0, 6);
  return digits.length > 4 ? `${digits.slice(0, 4)}-${digits.slice(4)}` : digits;
}

/** Year and month now in Korea, where the cards are issued. */
export function currentYearMonthKst(now: Date = new Date()): { year: number; month: number } {
  const kst = new Date(now.getTime() + 9 * 60 * 60 * 1000);
  return { year: kst.getUTCFullYear(), month: kst.getUTCMonth() + 1 };
}

/** A real calendar date as `YYMMDD`, in either century. */
export function isValidBirthDate(yymmdd: string): boolean {
  if (!/^\d{6}$/.test(yymmdd)) return false;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  return [1900 + yy, 2000 + yy].some((year) => {
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return day <= daysInMonth;
  });
}

/** Korean business registration number (10 digits) with its check digit. */
export function isValidBusinessNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const d = digits.split('').map(Number);
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += (d[i] ?? 0) * weight;
  });
  sum += Math.floor(((d[8] ?? 0) * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}
