import 'server-only';
import { parseJson } from '@/lib/json';
import {
  extractPgCode,
  IamportNotFoundError,
  IamportRejectedError,
  IamportUnauthorizedError,
  IamportUnavailableError,
} from './errors';

/** What came back over the wire, whatever the status: the body fully read as text. */
export interface RawAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

export interface ParsedEnvelope {
  code: number;
  message: string | null;
  response: unknown;
}

/**
 * Errors worth one more try on a read (429, 5xx, network failure). Kept outside the error classes so
 * their public shape stays as others build against it.
 */
const retryable = new WeakSet<Error>();

export function markRetryable<E extends Error>(error: E): E {
  retryable.add(error);
  return error;
}

export function isRetryable(error: unknown): boolean {
  return error instanceof Error && retryable.has(error);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{code: number, message, response}` or null when the body is not Iamport's envelope (docs/iamport.md §1). */
export function parseEnvelope(text: string): ParsedEnvelope | null {
  if (text.trim() === '') return null;
  const value = parseJson(text);
  if (!isPlainObject(value)) return null;
  const { code, message, response } = value;
  if (typeof code !== 'number' || !Number.isFinite(code)) return null;
  return {
    code,
    message: typeof message === 'string' ? message : null,
    response: response === undefined ? null : response,
  };
}

/** Iamport's message of an answer, if it carried an envelope with one. */
export function messageOf(answer: RawAnswer): string | null {
  return parseEnvelope(answer.text)?.message ?? null;
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Why a body is not the envelope; never quotes the body itself. */
function describeMalformed(answer: RawAnswer): string {
  const type = answer.contentType ? `, content-type ${clip(answer.contentType, 60)}` : '';
  if (answer.text.trim() === '') return `empty body (HTTP ${answer.status}${type})`;
  if (parseJson(answer.text) === undefined) return `body is not JSON (HTTP ${answer.status}${type})`;
  return `body is JSON but not an Iamport envelope (HTTP ${answer.status})`;
}

export interface UnwrapContext {
  /** Operation name for error reasons, e.g. `getBillingKey`. */
  op: string;
  /** HTTP 404, or code 1 on a 2xx/4xx, means "not found" (get, delete, payments, multi-get). */
  notFound: boolean;
  /** How a non-zero code is reported: as a rejection, or (getToken) as unauthorized. */
  failure: 'rejected' | 'unauthorized';
}

/**
 * Turns an answer into its `response` (code 0 on a 2xx) or throws the matching Iamport error.
 * The envelope is parsed whatever the status; 5xx and 429 are unavailable even with an envelope.
 */
export function unwrap(answer: RawAnswer, ctx: UnwrapContext): unknown {
  const { status } = answer;
  const envelope = parseEnvelope(answer.text);

  if (status >= 500 || status === 429) {
    const detail = envelope?.message ? `: ${clip(envelope.message)}` : '';
    throw markRetryable(new IamportUnavailableError(`${ctx.op}: Iamport answered HTTP ${status}${detail}`, status));
  }
  if (status === 401) {
    throw new IamportUnauthorizedError(envelope?.message ?? `${ctx.op}: Iamport refused the credentials (HTTP 401)`);
  }
  if (!envelope) {
    throw new IamportUnavailableError(`${ctx.op}: ${describeMalformed(answer)}`, status);
  }

  const message = envelope.message ?? '';
  const is2xx = status >= 200 && status < 300;
  const is4xx = status >= 400 && status < 500;

  if (ctx.notFound && status === 404) throw new IamportNotFoundError(message, status);
  if (is2xx && envelope.code === 0) return envelope.response;
  if (!is2xx && !is4xx) {
    throw new IamportUnavailableError(`${ctx.op}: unexpected HTTP status ${status}`, status);
  }
  if (ctx.failure === 'unauthorized') {
    throw new IamportUnauthorizedError(message || `${ctx.op}: Iamport code ${envelope.code}`);
  }
  if (ctx.notFound && envelope.code === 1) throw new IamportNotFoundError(message, status);
  throw new IamportRejectedError(envelope.code, message, extractPgCode(message), status);
}

/** A successful `response` must be an object; anything else means the upstream is broken. */
export function expectObject(value: unknown, op: string): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new IamportUnavailableError(`${op}: response is not an object`, null);
  }
  return value;
}

export function expectArray(value: unknown, op: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new IamportUnavailableError(`${op}: response is not an array`, null);
  }
  return value;
}
