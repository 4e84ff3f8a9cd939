import 'server-only';
import { parseJson } from '@/lib/json';
import { badRequest, missingParamsMessage } from './responses';

/** Request parameters, flat: `extra[requester]` stays one key. Empty values count as absent. */
export type Params = Record<string, string>;

export class BodyError extends Error {}

function flattenJson(value: unknown): Params {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BodyError('요청 본문이 올바른 JSON 객체가 아닙니다.');
  }
  const params: Params = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') {
      if (item !== '') params[key] = item;
    } else if (typeof item === 'number' || typeof item === 'boolean') {
      params[key] = String(item);
    }
  }
  return params;
}

function fromForm(text: string): Params {
  const params: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (value !== '') params[key] = value;
  }
  return params;
}

/** Reads a JSON or form-encoded body, as Iamport accepts both (docs/iamport.md §2). */
export async function readParams(request: Request): Promise<Params> {
  const text = await request.text();
  if (text.trim() === '') return {};
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const looksJson = type.includes('json') || (!type.includes('form') && text.trimStart().startsWith('{'));
  if (!looksJson) return fromForm(text);
  const parsed = parseJson(text);
  if (parsed === undefined) throw new BodyError('요청 본문의 JSON 형식이 올바르지 않습니다.');
  return flattenJson(parsed);
}

/**
 * The body's parameters, or the 400 Iamport answers when the body cannot be read or one of
 * `required` is absent (`["card_number"] 파라메터는 필수입니다.`).
 */
export async function readRequiredParams(request: Request, required: readonly string[]): Promise<Params | Response> {
  let params: Params;
  try {
    params = await readParams(request);
  } catch (error) {
    if (error instanceof BodyError) return badRequest(error.message);
    throw error;
  }
  const missing = required.filter((name) => params[name] === undefined);
  return missing.length > 0 ? badRequest(missingParamsMessage(missing)) : params;
}
