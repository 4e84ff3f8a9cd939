import { describe, expect, it } from 'vitest';
import { cursorParam, decodeCursor, encodeCursor } from './cursor';

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

  it('reads a cursor parameter with the list’s own decoder, and refuses a bad or too long one with its message', () => {
    const decode = (value: string) => {
      const [at, ...rest] = decodeCursor(value) ?? [];
      return at && rest.length === 0 ? { at } : null;
    };
    const param = cursorParam(decode, '페이지 위치가 올바르지 않습니다.', 20);
    expect(param.parse(encodeCursor(['x']))).toEqual({ at: 'x' });
    const bad = param.safeParse(encodeCursor(['x', 'y']));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('페이지 위치가 올바르지 않습니다.');
    expect(param.safeParse('a'.repeat(21)).error?.issues[0]?.message).toBe('페이지 위치가 올바르지 않습니다.');
  });
});
