import 'server-only';

import { markRetryable, type RawAnswer } from './envelope';
import { IamportTimeoutError, IamportUnavailableError } from './errors';

/** Always called with a single `Request` (the in-process sandbox is a `(Request) => Promise<Response>`). */
export type FetchLike = (input: Request) => Promise<Response>;

export interface Exchange {
  /** Operation name for error reasons. */
  op: string;
  url: string;
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Whether a timeout leaves the outcome unknown (issuance: the key may exist). */
  outcomeUnknown: boolean;
  /** The caller's own signal: its abort propagates as an abort, not a timeout. */
  signal?: AbortSignal;
}

/** An answer bigger than this is not Iamport's envelope. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const noop = () => {};

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts, even when the
 * underlying work ignores the signal (a fake fetch, a stalled stream). A value that arrives after
 * the abort is handed to `discard`.
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  discard: (late: T) => void = noop,
): Promise<T> {
  if (signal.aborted) {
    promise.then(discard, noop);
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(abortReason(signal));
      promise.then(discard, noop);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function discardResponse(response: Response): void {
  response.body?.cancel().catch(noop);
}

async function readText(response: Response, signal: AbortSignal): Promise<string> {
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        throw new IamportUnavailableError('answer is larger than 8 MiB', response.status);
      }
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(noop);
    throw error;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** A network error's own words (with undici's `cause`), never the request itself. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  const cause: unknown = error.cause;
  const causeText = cause instanceof Error ? `: ${cause.message}` : '';
  return `${error.name}: ${error.message}${causeText}`.slice(0, 300);
}

/** Errors of the connect phase: the request never left this machine (name lookup, refused, unreachable). */
const BEFORE_SENDING = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function failedBeforeSending(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && BEFORE_SENDING.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * One HTTP exchange: sends the request and reads the whole body, both under one timeout.
 * Throws IamportTimeoutError on timeout, the caller's abort reason when the caller aborts, and a
 * retryable IamportUnavailableError when the network fails (fetch rejects, the body breaks off).
 */
export async function exchange(fetchFn: FetchLike, call: Exchange): Promise<RawAnswer> {
  const callerSignal = call.signal;
  if (callerSignal?.aborted) throw abortReason(callerSignal);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Iamport call timed out', 'TimeoutError'));
  }, call.timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal ? abortReason(callerSignal) : undefined);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  let status: number | null = null;
  try {
    const request = new Request(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: controller.signal,
    });
    const response = await untilAborted(
      Promise.resolve().then(() => fetchFn(request)),
      controller.signal,
      discardResponse,
    );
    status = response.status;
    const text = await readText(response, controller.signal);
    return { status: response.status, contentType: response.headers.get('content-type'), text };
  } catch (error) {
    if (timedOut) throw new IamportTimeoutError(call.timeoutMs, call.outcomeUnknown);
    if (callerSignal?.aborted) throw abortReason(callerSignal);
    if (error instanceof IamportUnavailableError) {
      if (!call.outcomeUnknown) throw error;
      throw new IamportUnavailableError(error.reason, error.httpStatus, true);
    }
    const neverSent = status === null && failedBeforeSending(error);
    const stage = neverSent
      ? 'could not reach Iamport'
      : status === null
        ? 'the connection broke after sending'
        : 'the answer broke off';
    throw markRetryable(
      new IamportUnavailableError(
        `${call.op}: ${stage} (${describeNetworkError(error)})`,
        status,
        call.outcomeUnknown && !neverSent,
      ),
    );
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
