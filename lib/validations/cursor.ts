import { z } from 'zod';

/**
 * The one encoding of keyset page cursors (attempts, audit trail): the parts joined by `_`, as
 * base64url without padding, so a cursor is opaque in URLs. Each list checks its own parts.
 */
export function encodeCursor(parts: readonly string[]): string {
  return btoa(parts.join('_')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The parts of a cursor, or null when it is not base64url at all. */
export function decodeCursor(value: string): string[] | null {
  try {
    return atob(value.replace(/-/g, '+').replace(/_/g, '/')).split('_');
  } catch {
    return null;
  }
}

/** A `cursor` query parameter: at most `maxLength` characters that `decode` accepts, else `message`. */
export function cursorParam<C>(decode: (value: string) => C | null, message: string, maxLength: number) {
  return z
    .string()
    .max(maxLength, message)
    .transform((value, ctx) => {
      const cursor = decode(value);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return cursor;
    });
}
