/**
 * The value `text` holds as JSON, or `undefined` when it is not JSON: JSON has no undefined, so the
 * answer cannot be mistaken for a parsed value.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
