/** Card-number arithmetic, the one copy: the form, the schema, the sandbox, the guards and the tests use it. */

export const digitsOnly = (value: string): string => value.replace(/\D/g, '');

/** Luhn (mod 10) check over a digit string; false for anything but digits. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Appends the Luhn check digit to a number without one. */
export function withCheckDigit(body: string): string {
  for (let check = 0; check <= 9; check++) {
    if (passesLuhn(body + String(check))) return body + String(check);
  }
  throw new Error('unreachable: some check digit always fits');
}
