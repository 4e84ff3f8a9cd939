import 'server-only';

import { expectArray, expectObject, isRetryable, messageOf, unwrap, type RawAnswer } from './envelope';
import { IamportNotFoundError, IamportUnauthorizedError, IamportUnavailableError } from './errors';
import { exchange, untilAborted, type FetchLike } from './transport';
import type { CustomerAnnotation, IssueBillingKeyBody, MultiGetResult, PaymentsPage, PgChannel } from './types';

export interface IamportClientOptions {
  /** e.g. `https://api.iamport.kr`, or `http://127.0.0.1:4010` for the sandbox. */
  baseUrl: string;
  impKey: string;
  impSecret: string;
  /** Sent as the `Tier` header on every call, getToken included. */
  tier?: string;
  /** Default `globalThis.fetch`; always called with a single `Request`. */
  fetch?: FetchLike;
  /** Default 30 000. A timeout on an issuance leaves its outcome unknown. */
  issueTimeoutMs?: number;
  /** Default 10 000; every call but the issuance, getToken included. */
  readTimeoutMs?: number;
  /** Milliseconds; default `Date.now`. The token cache uses it. */
  clock?: () => number;
  /** Pause before the single retry of a read; default 250. */
  retryDelayMs?: number;
}

/** Refresh the token this long before Iamport says it expires. */
const TOKEN_MARGIN_MS = 60_000;
/** customer_uids per multi-get call (the real maximum is unconfirmed). */
const MULTI_GET_BATCH = 100;
/** Keeps a multi-get URL well under common 8 KiB request-line limits. */
const MULTI_GET_MAX_QUERY = 6_000;

type Kind = 'issue' | 'delete' | 'read';

interface Call {
  op: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, already encoded. */
  path: string;
  body?: unknown;
  kind: Kind;
  notFound: boolean;
  signal?: AbortSignal;
}

interface CachedToken {
  value: string;
  /** Local clock (ms) from which the token must be refreshed. */
  refreshAt: number;
}

function customerPath(customerUid: string): string {
  if (typeof customerUid !== 'string' || customerUid === '') {
    throw new TypeError('customer_uid must be a non-empty string');
  }
  return `/subscribe/customers/${encodeURIComponent(customerUid)}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const wait = new Promise<void>((resolve) => setTimeout(resolve, ms));
  return signal ? untilAborted(wait, signal) : wait;
}

/** The typed Iamport (PortOne V1) billing-key client. Server-only: it holds the API secret. */
export class IamportClient {
  // Private fields keep the key, secret and token out of util.inspect and JSON.stringify.
  readonly #baseUrl: string;
  readonly #impKey: string;
  readonly #impSecret: string;
  readonly #tier: string | undefined;
  readonly #fetch: FetchLike;
  readonly #issueTimeoutMs: number;
  readonly #readTimeoutMs: number;
  readonly #clock: () => number;
  readonly #retryDelayMs: number;
  #token: CachedToken | null = null;
  #refreshing: Promise<string> | null = null;

  constructor(options: IamportClientOptions) {
    const url = new URL(options.baseUrl); // throws on a malformed base URL, at start-up
    this.#baseUrl = url.href.replace(/\/+$/, '');
    this.#impKey = options.impKey;
    this.#impSecret = options.impSecret;
    this.#tier = options.tier || undefined;
    this.#fetch = options.fetch ?? ((request) => globalThis.fetch(request));
    this.#issueTimeoutMs = options.issueTimeoutMs ?? 30_000;
    this.#readTimeoutMs = options.readTimeoutMs ?? 10_000;
    this.#clock = options.clock ?? Date.now;
    this.#retryDelayMs = options.retryDelayMs ?? 250;
  }

  /** A valid access token: cached until 60 s before expiry; concurrent callers share one refresh. */
  getToken(): Promise<string> {
    const cached = this.#token;
    if (cached && this.#clock() < cached.refreshAt) return Promise.resolve(cached.value);
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async issueBillingKey(
    customerUid: string,
    body: IssueBillingKeyBody,
    options?: { signal?: AbortSignal },
  ): Promise<CustomerAnnotation> {
    const op = 'issueBillingKey';
    const path = customerPath(customerUid);
    const response = await this.#call({
      op,
      method: 'POST',
      path,
      body,
      kind: 'issue',
      notFound: false,
      signal: options?.signal,
    });
    return sentAnswer(() => expectObject(response, op)) as CustomerAnnotation;
  }

  /** @throws IamportNotFoundError when Iamport has no key under this customer_uid. */
  async getBillingKey(customerUid: string): Promise<CustomerAnnotation> {
    const op = 'getBillingKey';
    const path = customerPath(customerUid);
    const response = await this.#call({ op, method: 'GET', path, kind: 'read', notFound: true });
    return expectObject(response, op) as CustomerAnnotation;
  }

  /** Looks many up in batches; `missing` are the asked-for uids Iamport did not return. */
  async getBillingKeys(customerUids: string[]): Promise<MultiGetResult> {
    const op = 'getBillingKeys';
    const unique = [...new Set(customerUids)];
    const params = unique.map((uid) => {
      customerPath(uid); // same validation as the single-key calls
      return `customer_uid[]=${encodeURIComponent(uid)}`;
    });

    const found: CustomerAnnotation[] = [];
    for (const query of batchQueries(params)) {
      let response: unknown;
      try {
        response = await this.#call({
          op,
          method: 'GET',
          path: `/subscribe/customers?${query}`,
          kind: 'read',
          notFound: true,
        });
      } catch (error) {
        if (error instanceof IamportNotFoundError) continue; // none of this batch exists
        throw error;
      }
      for (const item of expectArray(response, op)) {
        found.push(expectObject(item, op) as CustomerAnnotation);
      }
    }
    const foundUids = new Set(found.map((annotation) => annotation.customer_uid));
    return { found, missing: unique.filter((uid) => !foundUids.has(uid)) };
  }

  /** Irreversible; never retried. Returns the deleted key. */
  async deleteBillingKey(
    customerUid: string,
    options?: { reason?: string; extra?: { requester?: 'customer' | 'admin' } },
  ): Promise<CustomerAnnotation> {
    const op = 'deleteBillingKey';
    const query: string[] = [];
    if (options?.reason !== undefined) query.push(`reason=${encodeURIComponent(options.reason)}`);
    const requester = options?.extra?.requester;
    if (requester !== undefined) query.push(`extra[requester]=${encodeURIComponent(requester)}`);
    const path = customerPath(customerUid) + (query.length > 0 ? `?${query.join('&')}` : '');
    const response = await this.#call({ op, method: 'DELETE', path, kind: 'delete', notFound: true });
    return expectObject(response, op) as CustomerAnnotation;
  }

  /** `GET /users/pg`: the merchant's configured PG channels. */
  async listChannels(options?: { signal?: AbortSignal }): Promise<PgChannel[]> {
    const op = 'listChannels';
    const call = {
      op,
      method: 'GET',
      path: '/users/pg',
      kind: 'read',
      notFound: false,
      signal: options?.signal,
    } as const;
    const response = await this.#call(call);
    return expectArray(response, op).map((item) => expectObject(item, op) as unknown as PgChannel);
  }

  /** Payments made with a billing key, 20 per page, from page 1. */
  async listPayments(customerUid: string, page = 1): Promise<PaymentsPage> {
    const op = 'listPayments';
    if (!Number.isSafeInteger(page) || page < 1) throw new RangeError('page must be an integer ≥ 1');
    const path = `${customerPath(customerUid)}/payments?page=${page}`;
    const response = expectObject(await this.#call({ op, method: 'GET', path, kind: 'read', notFound: true }), op);
    if (!Array.isArray(response.list)) {
      throw new IamportUnavailableError(`${op}: response.list is not an array`, null);
    }
    return response as unknown as PaymentsPage;
  }

  async #refresh(): Promise<string> {
    const op = 'getToken';
    const answer = await exchange(this.#fetch, {
      op,
      url: `${this.#baseUrl}/users/getToken`,
      method: 'POST',
      headers: this.#headers(null, true),
      body: JSON.stringify({ imp_key: this.#impKey, imp_secret: this.#impSecret }),
      timeoutMs: this.#readTimeoutMs,
      outcomeUnknown: false,
    });
    const arrivedAt = this.#clock();
    const response = expectObject(unwrap(answer, { op, notFound: false, failure: 'unauthorized' }), op);
    const { access_token: value, now, expired_at: expiredAt } = response;
    if (
      typeof value !== 'string' ||
      value === '' ||
      typeof now !== 'number' ||
      typeof expiredAt !== 'number' ||
      !Number.isFinite(now) ||
      !Number.isFinite(expiredAt)
    ) {
      throw new IamportUnavailableError(`${op}: response is not a token`, answer.status);
    }
    // Server clock for the lifetime, local clock for the origin: immune to clock skew.
    this.#token = { value, refreshAt: arrivedAt + (expiredAt - now) * 1000 - TOKEN_MARGIN_MS };
    return value;
  }

  #invalidate(token: string): void {
    if (this.#token?.value === token) this.#token = null;
  }

  #headers(token: string | null, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (hasBody) headers['content-type'] = 'application/json';
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (this.#tier !== undefined) headers.tier = this.#tier;
    return headers;
  }

  #tokenFor(signal: AbortSignal | undefined): Promise<string> {
    // A caller giving up does not cancel the shared refresh; it just stops waiting for it.
    return signal ? untilAborted(this.getToken(), signal) : this.getToken();
  }

  #send(call: Call, token: string): Promise<RawAnswer> {
    const hasBody = call.body !== undefined;
    return exchange(this.#fetch, {
      op: call.op,
      url: this.#baseUrl + call.path,
      method: call.method,
      headers: this.#headers(token, hasBody),
      body: hasBody ? JSON.stringify(call.body) : undefined,
      timeoutMs: call.kind === 'issue' ? this.#issueTimeoutMs : this.#readTimeoutMs,
      outcomeUnknown: call.kind === 'issue',
      signal: call.signal,
    });
  }

  /** Sends with the cached token; on 401 drops it, refreshes once and sends once more. */
  async #authorized(call: Call): Promise<RawAnswer> {
    let token = await this.#tokenFor(call.signal);
    let answer = await this.#send(call, token);
    if (answer.status !== 401) return answer;
    this.#invalidate(token);
    token = await this.#tokenFor(call.signal);
    answer = await this.#send(call, token);
    if (answer.status !== 401) return answer;
    this.#invalidate(token);
    throw new IamportUnauthorizedError(messageOf(answer) ?? `${call.op}: Iamport refused the access token (HTTP 401)`);
  }

  /** Reads get one retry on 429/5xx/network failure; issuance and deletion never do. */
  async #call(call: Call): Promise<unknown> {
    const once = async () =>
      unwrap(await this.#authorized(call), { op: call.op, notFound: call.notFound, failure: 'rejected' });
    if (call.kind === 'issue') {
      const answer = await this.#authorized(call);
      return sentAnswer(() => unwrap(answer, { op: call.op, notFound: false, failure: 'rejected' }));
    }
    if (call.kind !== 'read') return once();
    try {
      return await once();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      await sleep(this.#retryDelayMs, call.signal);
      return once();
    }
  }
}

/**
 * Reads an issuance's answer: one that is not a definitive Iamport envelope (5xx, a gateway page, not
 * JSON, a success without a key) leaves the outcome unknown; only a 429 was surely refused unread.
 */
function sentAnswer<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof IamportUnavailableError && error.httpStatus !== 429 && !error.outcomeUnknown) {
      throw new IamportUnavailableError(error.reason, error.httpStatus, true);
    }
    throw error;
  }
}

/** Groups `customer_uid[]=…` parameters into query strings of ≤ 100 uids and bounded length. */
function batchQueries(params: string[]): string[] {
  const queries: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const param of params) {
    if (current.length > 0 && (current.length >= MULTI_GET_BATCH || length + 1 + param.length > MULTI_GET_MAX_QUERY)) {
      queries.push(current.join('&'));
      current = [];
      length = 0;
    }
    current.push(param);
    length += (current.length > 1 ? 1 : 0) + param.length;
  }
  if (current.length > 0) queries.push(current.join('&'));
  return queries;
}
