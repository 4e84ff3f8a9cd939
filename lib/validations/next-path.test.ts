/**
 * The `next` parameter after sign-in (lib/validations/auth.ts safeNextPath), thrown thousands of odd
 * values: whatever comes in, what comes out is a path that a browser resolves on this origin, and
 * resolves to itself (no second normalisation can turn it into `//evil.com`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from './auth';

const ORIGINS = ['http://app.test', 'https://console.example.com:8443', 'http://127.0.0.1:3000'];

/** Decodes percent-escapes until nothing changes (at most 5 rounds, stopping at a malformed one). */
function fullyDecoded(value: string): string {
  let current = value;
  for (let round = 0, next = decodedOnce(current); round < 5 && next !== current; round++) {
    current = next;
    next = decodedOnce(current);
  }
  return current;
}

/** One round of decodeURIComponent; a malformed escape leaves the value as it is. */
function decodedOnce(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Throws when `out` could leave the origin, now or after a browser or a proxy decodes it. */
function assertStaysHome(input: string | null, out: string): void {
  const why = (reason: string) => `${JSON.stringify(input)} → ${JSON.stringify(out)}: ${reason}`;
  expect(out.startsWith('/'), why('not a path')).toBe(true);
  expect(out.startsWith('//'), why('protocol-relative')).toBe(false);
  expect(/[\\\s\u0000-\u001f\u007f]/.test(out), why('backslash, whitespace or control character')).toBe(false);
  for (const origin of ORIGINS) {
    const url = new URL(out, origin);
    expect(url.origin, why(`leaves ${origin}`)).toBe(origin);
    // The browser resolves it to exactly what was kept: nothing left to normalise away.
    expect(`${url.pathname}${url.search}${url.hash}`, why('not in normal form')).toBe(out);
    // As a second parser would read it, once every escape is decoded.
    const decoded = fullyDecoded(out).replace(/[\s\u0000-\u001f\u007f]/g, '');
    const again = new URL(decoded, origin);
    expect(again.origin, why(`leaves ${origin} once decoded`)).toBe(origin);
    expect(again.pathname.startsWith('//'), why('protocol-relative once decoded')).toBe(false);
  }
  expect(safeNextPath(out), why('not stable')).toBe(out);
}

const TOKENS = [
  '/',
  '//',
  '\\',
  '.',
  '..',
  '%2e',
  '%2E',
  '%2e%2e',
  '.%2e',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '%252f',
  '%25',
  '%',
  '\t',
  '\n',
  '\r',
  ' ',
  '%09',
  '%0a',
  '%00',
  '\u0000',
  '\u3000',
  '\u00a0',
  '\u2028',
  '／',
  '＼',
  '。',
  '@',
  ':',
  '?',
  '#',
  '&',
  '=',
  'evil.com',
  'evil.com:443',
  'user:pass@evil.com',
  'https:',
  'http:',
  'javascript:',
  'data:',
  'keys',
  'api',
  'login',
  'setup',
  'a',
  '한글',
];

const tokenString = fc.array(fc.constantFrom(...TOKENS), { maxLength: 10 }).map((parts) => parts.join(''));
const oddNext = fc.oneof(
  { arbitrary: tokenString, weight: 6 },
  { arbitrary: tokenString.map((value) => `/${value}`), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((value) => `/${value}`), weight: 2 },
  { arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }), weight: 1 },
  { arbitrary: fc.webPath().map((value) => `/${value}`), weight: 2 },
);

describe('safeNextPath never leaves the origin', () => {
  it.each(['/keys', '/keys/abc?tab=audit#top', '/settings/staff'])('keeps the same-site path %j', (value) => {
    expect(safeNextPath(value)).toBe(value);
  });

  it.each([
    null,
    '',
    'keys',
    'https://evil.example/keys',
    '//evil.example/keys',
    '/\\evil.example',
    '/%5cevil.example',
    'javascript:alert(1)',
    '/keys\nSet-Cookie: x',
    '/api/auth/sign-out',
    '/login?next=/login',
    '/setup',
    '/.//evil.com',
    '/..//evil.com',
    '/%2e//evil.com',
    '/%2E%2E//evil.com',
    '/a/..//evil.com',
    '/a/b/../..//evil.com',
    '/./\\evil.com',
    '\\\\evil.com',
    '/\\/evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    '/%2f%2fevil.com',
    '/%2F/evil.com',
    '/%5c%5cevil.com',
    '/%252f%252fevil.com',
    '/.%2e//evil.com',
    '/%09/evil.com',
    '/ /evil.com',
    'https://evil.com',
    '/keys/../..//evil.com',
  ])('%j falls back to /', (value) => {
    const out = safeNextPath(value);
    assertStaysHome(value, out);
    expect(out).toBe('/');
  });

  it('a full-width dot is just a character of a path on this origin', () => {
    assertStaysHome('/．/evil.com', safeNextPath('/．/evil.com'));
  });

  it('5,000 odd values: the result always stays on the origin, in normal form', () => {
    fc.assert(
      fc.property(oddNext, (value) => {
        assertStaysHome(value, safeNextPath(value));
      }),
      { numRuns: 5_000 },
    );
  });

  it('2,000 ordinary console paths (any customer_uid, encoded) are kept as they are', () => {
    const segment = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .map((value) => encodeURIComponent(value.toWellFormed()))
      .filter((value) => value !== '.' && value !== '..');
    const path = fc
      .tuple(
        fc.constantFrom('/keys', '/keys/new', '/attempts', '/audit', '/qa', '/settings/staff'),
        fc.array(segment, { maxLength: 3 }),
      )
      .map(([base, segments]) => [base, ...segments].join('/'));
    fc.assert(
      fc.property(path, (value) => {
        expect(safeNextPath(value)).toBe(value);
      }),
      { numRuns: 2_000 },
    );
  });
});
