import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('page cursors', () => {
  it('round-trips its parts, opaque and URL-safe (no +, / or = padding)', () => {
    const parts = ['n', '2026-11-27T13:41:05.123456Z', '42'];
    const encoded = encodeCursor(parts);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded).not.toContain('2026');
    expect(decodeCursor(encoded)).toEqual(parts);
  });

  it('keeps base64url letters that plain base64 would spell + and /', () => {
    const parts = ['>>>', '???'];
    expect(btoa(parts.join('_'))).toMatch(/[+/]/);
    expect(encodeCursor(parts)).not.toMatch(/[+/=]/);
    expect(decodeCursor(encodeCursor(parts))).toEqual(parts);
  });

  it('answers null for text that is not base64', () => {
    expect(decodeCursor('!!!')).toBeNull();
    expect(decodeCursor('a')).toBeNull();
  });
});
