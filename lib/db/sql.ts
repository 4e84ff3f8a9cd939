import 'server-only';

/** `%`, `_` and `\` typed by the user match themselves, not any character. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
