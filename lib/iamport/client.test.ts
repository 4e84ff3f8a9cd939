import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { customerAnnotation } from '@/lib/testing/sandbox';
import { IamportClient, type IamportClientOptions } from './client';
import {
  IamportNotFoundError,
  IamportRejectedError,
  IamportTimeoutError,
  IamportUnauthorizedError,
  IamportUnavailableError,
} from './errors';

// ---------------------------------------------------------------------------------------------
// A small in-test fake of Iamport: records every Request (method, URL, headers, JSON body) and
// answers as docs/iamport.md describes, with per-test overrides. Deliberately not the sandbox.
// ---------------------------------------------------------------------------------------------

interface RecordedCall {
  method: string;
  url: URL;
  /** The raw request target after the host, exactly as sent (percent-encoding kept). */
  target: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Handler = (call: RecordedCall, request: Request) => Response | Promise<Response>;

interface Override {
  match: (call: RecordedCall) => boolean;
  handler: Handler;
  remaining: number;
}

const KEY = 'test-imp-key';
const SECRET = 'test-imp-secret-do-not-leak';

function envelope(code: number, message: string | null, response: unknown, status = 200): Response {
  return new Response(JSON.stringify({ code, message, response }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** The fake's stored key: a plain record, so that a test may add unknown fields or delete known ones. */
function annotation(customerUid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...customerAnnotation(customerUid), ...extra };
}

/**
 * A body that sends `prefix` and then, by `then`: errors like a dropped connection ('break'), or never
 * ends and ignores every signal ('stall').
 */
function streamThen(prefix: string, then: 'break' | 'stall'): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode(prefix));
        return;
      }
      if (then === 'break') {
        controller.error(new TypeError('terminated: other side closed'));
        return;
      }
      return new Promise<void>(() => {});
    },
  });
}
const brokenStream = (prefix: string) => streamThen(prefix, 'break');
const stalledStream = (prefix: string) => streamThen(prefix, 'stall');

const never = (): Promise<Response> => new Promise<Response>(() => {});

class FakeIamport {
  readonly calls: RecordedCall[] = [];
  /** Server clock, unix seconds. */
  serverNow = 1_700_000_000;
  tokenLifetime = 1800;
  notFoundStatus: 200 | 404 = 404;
  /** Milliseconds getToken waits before answering (to let concurrent callers pile up). */
  tokenDelayMs = 0;
  readonly validTokens = new Set<string>();
  readonly customers = new Map<string, Record<string, unknown>>();
  readonly channels = [
    {
      pg_provider: 'nice',
      pg_id: 'nictest04m',
      sandbox: true,
      type: 'api_payment',
      channel_name: 'NICE 테스트',
      channel_key: 'channel-key-nice',
    },
  ];
  #issued = 0;
  #overrides: Override[] = [];

  /** Answer matching calls with `handler` (the next `times` of them; Infinity by default). */
  on(match: (call: RecordedCall) => boolean, handler: Handler, times = Infinity): this {
    this.#overrides.push({ match, handler, remaining: times });
    return this;
  }

  callsTo(method: string, pathPrefix: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.path.startsWith(pathPrefix));
  }

  get tokenCalls(): RecordedCall[] {
    return this.callsTo('POST', '/users/getToken');
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    if (!(request instanceof Request)) throw new TypeError('the client must call fetch with a Request');
    const url = new URL(request.url);
    const text = request.body ? await request.clone().text() : '';
    const call: RecordedCall = {
      method: request.method,
      url,
      target: request.url.slice(url.origin.length),
      path: url.pathname,
      headers: request.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    this.calls.push(call);
    const override = this.#overrides.find((o) => o.remaining > 0 && o.match(call));
    if (override) {
      override.remaining -= 1;
      return override.handler(call, request);
    }
    return this.#route(call);
  };

  async #route(call: RecordedCall): Promise<Response> {
    if (call.method === 'POST' && call.path === '/users/getToken') {
      if (this.tokenDelayMs > 0) await new Promise((r) => setTimeout(r, this.tokenDelayMs));
      const body = call.body as { imp_key?: string; imp_secret?: string } | undefined;
      if (body?.imp_key !== KEY || body.imp_secret !== SECRET) {
        return envelope(-1, '인증에 실패하였습니다. API키와 secret을 확인하세요.', null, 401);
      }
      this.#issued += 1;
      const token = `${this.#issued}`.padStart(40, 'a');
      this.validTokens.add(token);
      return envelope(0, null, {
        access_token: token,
        now: this.serverNow,
        expired_at: this.serverNow + this.tokenLifetime,
      });
    }

    const auth = call.headers.get('authorization') ?? '';
    if (!auth.startsWith('Bearer ') || !this.validTokens.has(auth.slice('Bearer '.length))) {
      return envelope(-1, 'Unauthorized', null, 401);
    }

    if (call.method === 'GET' && call.path === '/users/pg') return envelope(0, null, this.channels);

    if (call.method === 'GET' && call.path === '/subscribe/customers') {
      const uids = call.url.search
        .slice(1)
        .split('&')
        .filter((part) => part.startsWith('customer_uid[]='))
        .map((part) => decodeURIComponent(part.slice('customer_uid[]='.length)));
      const found = uids.flatMap((uid) => {
        const hit = this.customers.get(uid);
        return hit ? [hit] : [];
      });
      if (found.length === 0) return envelope(1, '요청하신 customer_uid로 등록된 정보를 찾을 수 없습니다.', null, 404);
      return envelope(0, null, found, found.length === uids.length ? 200 : 207);
    }

    const match = /^\/subscribe\/customers\/([^/]+)(\/payments)?$/.exec(call.path);
    if (match?.[1]) {
      const uid = decodeURIComponent(match[1]);
      if (call.method === 'POST' && !match[2]) {
        const stored = annotation(uid);
        this.customers.set(uid, stored);
        return envelope(0, null, stored);
      }
      const stored = this.customers.get(uid);
      if (!stored) {
        return envelope(
          1,
          `요청하신 customer_uid(${uid})로 등록된 정보를 찾을 수 없습니다.`,
          null,
          this.notFoundStatus,
        );
      }
      if (match[2] && call.method === 'GET') return envelope(0, null, { total: 0, previous: 0, next: 0, list: [] });
      if (call.method === 'GET') return envelope(0, null, stored);
      if (call.method === 'DELETE') {
        this.customers.delete(uid);
        return envelope(0, null, stored);
      }
    }
    return new Response('<html><body>Not Found</body></html>', {
      status: 404,
      headers: { 'content-type': 'text/html' },
    });
  }
}

// ---------------------------------------------------------------------------------------------

const BASE = 'http://iamport.test';

function setup(options: Partial<IamportClientOptions> = {}) {
  const fake = new FakeIamport();
  const client = new IamportClient({
    baseUrl: BASE,
    impKey: KEY,
    impSecret: SECRET,
    fetch: fake.fetch,
    retryDelayMs: 0,
    ...options,
  });
  return { fake, client };
}

const issueBody = {
  card_number: '5272-8927-0000-2305',
  expiry: '2030-12',
  birth: '900101',
  pwd_2digit: '12',
  pg: 'nice',
};

const path = (p: string) => (c: RecordedCall) => c.path === p;
const method = (m: string, p: string) => (c: RecordedCall) => c.method === m && c.path.startsWith(p);
const notToken = (c: RecordedCall) => c.path !== '/users/getToken';

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('access token', () => {
  it('sends key and secret as JSON and reuses the token across calls', async () => {
    const { fake, client } = setup();
    fake.customers.set('u1', annotation('u1'));
    await client.getBillingKey('u1');
    await client.getBillingKey('u1');
    await client.listChannels();

    expect(fake.tokenCalls).toHaveLength(1);
    const tokenCall = fake.tokenCalls[0]!;
    expect(tokenCall.headers.get('content-type')).toBe('application/json');
    expect(tokenCall.body).toEqual({ imp_key: KEY, imp_secret: SECRET });
    expect(tokenCall.headers.get('authorization')).toBeNull();
    const token = [...fake.validTokens][0]!;
    for (const call of fake.calls.filter(notToken)) {
      expect(call.headers.get('authorization')).toBe(`Bearer ${token}`);
    }
    await expect(client.getToken()).resolves.toBe(token);
  });

  it('refreshes 60 s before expiry, from the server lifetime, whatever the local clock says', async () => {
    let local = 42_000; // local clock nowhere near the server's (serverNow is 1.7e9 s)
    const { fake, client } = setup({ clock: () => local });
    fake.tokenLifetime = 600;
    const first = await client.getToken();

    local += (600 - 60) * 1000 - 1;
    await expect(client.getToken()).resolves.toBe(first);
    expect(fake.tokenCalls).toHaveLength(1);

    local += 1;
    const second = await client.getToken();
    expect(fake.tokenCalls).toHaveLength(2);
    expect(second).not.toBe(first);
  });

  it('uses the local arrival time plus expired_at - now, even when the server clock is far ahead', async () => {
    let local = 0;
    const { fake, client } = setup({ clock: () => local });
    fake.serverNow = 2_000_000_000; // server's absolute time would say "expired long ago" to a naive client
    await client.getToken();
    local = 1_000 * 1_000; // 1000 s later: still 800 s left
    await client.getToken();
    expect(fake.tokenCalls).toHaveLength(1);
  });

  it('shares one refresh among 50 concurrent callers on a cold cache', async () => {
    const { fake, client } = setup();
    fake.tokenDelayMs = 20;
    for (let i = 0; i < 50; i += 1) fake.customers.set(`u${i}`, annotation(`u${i}`));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => client.getBillingKey(`u${i}`)));

    expect(results.map((r) => r.customer_uid)).toEqual(Array.from({ length: 50 }, (_, i) => `u${i}`));
    expect(fake.tokenCalls).toHaveLength(1);
    expect(fake.callsTo('GET', '/subscribe/customers/')).toHaveLength(50);
  });

  it('does not cache a failed refresh: the next caller tries again', async () => {
    const { fake, client } = setup();
    fake.on(path('/users/getToken'), () => new Response('<html>502 Bad Gateway</html>', { status: 502 }), 1);

    await expect(client.getToken()).rejects.toBeInstanceOf(IamportUnavailableError);
    await expect(client.getToken()).resolves.toMatch(/^a+\d+$/);
    expect(fake.tokenCalls).toHaveLength(2);
  });

  it('on 401 with a cached token drops it, refreshes once and retries once', async () => {
    const { fake, client } = setup();
    fake.customers.set('u1', annotation('u1'));
    const stale = await client.getToken();
    fake.validTokens.clear(); // Iamport forgot the token (expired in mid-flight)

    await expect(client.getBillingKey('u1')).resolves.toMatchObject({ customer_uid: 'u1' });

    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /users/getToken',
      'GET /subscribe/customers/u1',
      'POST /users/getToken',
      'GET /subscribe/customers/u1',
    ]);
    expect(fake.calls[1]!.headers.get('authorization')).toBe(`Bearer ${stale}`);
    expect(fake.calls[3]!.headers.get('authorization')).not.toBe(`Bearer ${stale}`);
  });

  it('retries an issuance once after a 401 (the only retry an issuance gets)', async () => {
    const { fake, client } = setup();
    await client.getToken();
    fake.validTokens.clear();

    await expect(client.issueBillingKey('u1', issueBody)).resolves.toMatchObject({ customer_uid: 'u1' });
    expect(fake.callsTo('POST', '/subscribe/customers/')).toHaveLength(2);
    expect(fake.tokenCalls).toHaveLength(2);
  });

  it('gives up with IamportUnauthorizedError on a second 401, and drops that token too', async () => {
    const { fake, client } = setup();
    fake.on(method('GET', '/subscribe/customers/'), () => envelope(-1, '토큰이 유효하지 않습니다.', null, 401));

    const error = await caught(client.getBillingKey('u1'));
    expect(error).toBeInstanceOf(IamportUnauthorizedError);
    expect((error as IamportUnauthorizedError).iamportMessage).toBe('토큰이 유효하지 않습니다.');
    expect(fake.tokenCalls).toHaveLength(2);
    expect(fake.callsTo('GET', '/subscribe/customers/')).toHaveLength(2);

    await client.getToken();
    expect(fake.tokenCalls).toHaveLength(3);
  });

  it('reports a 401 on getToken as IamportUnauthorizedError with Iamport’s message', async () => {
    const { fake, client } = setup({ impSecret: 'wrong-secret' });
    const error = await caught(client.getBillingKey('u1'));

    expect(error).toBeInstanceOf(IamportUnauthorizedError);
    expect((error as IamportUnauthorizedError).message).toBe('인증에 실패하였습니다. API키와 secret을 확인하세요.');
    expect(fake.tokenCalls).toHaveLength(1); // bad credentials are not a retryable failure
    expect(fake.callsTo('GET', '/subscribe/customers/')).toHaveLength(0);
  });

  it('treats a getToken answer without a usable token as unavailable', async () => {
    const { fake, client } = setup();
    fake.on(path('/users/getToken'), () => envelope(0, null, { access_token: '', now: 1, expired_at: 2 }), 1);
    await expect(client.getToken()).rejects.toBeInstanceOf(IamportUnavailableError);
  });
});

describe('requests', () => {
  it('sends the Tier header on every call, getToken included', async () => {
    const { fake, client } = setup({ tier: 'T01' });
    fake.customers.set('u1', annotation('u1'));
    await client.getBillingKey('u1');
    await client.getBillingKeys(['u1', 'u2']);
    await client.issueBillingKey('u3', issueBody);
    await client.listChannels();
    await client.listPayments('u1');
    await client.deleteBillingKey('u1');

    expect(fake.calls).toHaveLength(7);
    for (const call of fake.calls) expect(call.headers.get('tier')).toBe('T01');
  });

  it('sends no Tier header when none is configured', async () => {
    const { fake, client } = setup();
    await client.listChannels();
    expect(fake.calls.length).toBeGreaterThan(0);
    for (const call of fake.calls) expect(call.headers.has('tier')).toBe(false);
  });

  it('issues with a JSON body and returns the annotation', async () => {
    const { fake, client } = setup();
    const result = await client.issueBillingKey('cust-1', issueBody);

    expect(result).toMatchObject({ customer_uid: 'cust-1', card_number: '52728927****2305', card_type: 1 });
    const [call] = fake.callsTo('POST', '/subscribe/customers/');
    expect(call?.headers.get('content-type')).toBe('application/json');
    expect(call?.body).toEqual(issueBody);
  });

  it('percent-encodes customer_uid with /, space, Korean and ? in every path', async () => {
    const { fake, client } = setup();
    const uid = 'a/b c?홍길동';
    const encoded = 'a%2Fb%20c%3F%ED%99%8D%EA%B8%B8%EB%8F%99';

    await client.issueBillingKey(uid, issueBody);
    await expect(client.getBillingKey(uid)).resolves.toMatchObject({ customer_uid: uid });
    await client.listPayments(uid, 2);
    await client.deleteBillingKey(uid);

    expect(fake.calls.filter(notToken).map((c) => `${c.method} ${c.target}`)).toEqual([
      `POST /subscribe/customers/${encoded}`,
      `GET /subscribe/customers/${encoded}`,
      `GET /subscribe/customers/${encoded}/payments?page=2`,
      `DELETE /subscribe/customers/${encoded}`,
    ]);
  });

  it('sends the multi-get as repeated literal customer_uid[] with encoded values', async () => {
    const { fake, client } = setup();
    fake.customers.set('a', annotation('a'));
    fake.customers.set('b/c d', annotation('b/c d'));
    fake.customers.set('&=?', annotation('&=?'));

    const result = await client.getBillingKeys(['a', 'b/c d', '&=?']);

    const [call] = fake.callsTo('GET', '/subscribe/customers');
    expect(call?.target).toBe(
      '/subscribe/customers?customer_uid[]=a&customer_uid[]=b%2Fc%20d&customer_uid[]=%26%3D%3F',
    );
    expect(result.found.map((a) => a.customer_uid)).toEqual(['a', 'b/c d', '&=?']);
    expect(result.missing).toEqual([]);
  });

  it('batches 250 uids into 3 calls of at most 100', async () => {
    const { fake, client } = setup();
    const uids = Array.from({ length: 250 }, (_, i) => `uid-${i}`);
    for (const uid of uids) if (!uid.endsWith('7')) fake.customers.set(uid, annotation(uid));

    const result = await client.getBillingKeys(uids);

    const calls = fake.callsTo('GET', '/subscribe/customers');
    expect(calls.map((c) => c.url.search.split('&').length)).toEqual([100, 100, 50]);
    expect(result.found).toHaveLength(225);
    expect(result.missing).toEqual(uids.filter((u) => u.endsWith('7')));
  });

  it('diffs a 207 answer to find the missing uids', async () => {
    const { fake, client } = setup();
    fake.customers.set('here', annotation('here'));
    const result = await client.getBillingKeys(['here', 'gone', 'also-gone']);

    expect(result.found.map((a) => a.customer_uid)).toEqual(['here']);
    expect(result.missing).toEqual(['gone', 'also-gone']);
    expect(fake.callsTo('GET', '/subscribe/customers')).toHaveLength(1); // 207 is not retried
  });

  it('reads a 404 multi-get as none found', async () => {
    const { fake, client } = setup();
    const result = await client.getBillingKeys(['x', 'y']);
    expect(result).toEqual({ found: [], missing: ['x', 'y'] });
    expect(fake.callsTo('GET', '/subscribe/customers')).toHaveLength(1);
  });

  it('reads a 200 + code 1 multi-get as none found', async () => {
    const { fake, client } = setup();
    fake.on(method('GET', '/subscribe/customers'), () => envelope(1, '찾을 수 없습니다.', null));
    await expect(client.getBillingKeys(['x'])).resolves.toEqual({ found: [], missing: ['x'] });
  });

  it('makes no call for an empty multi-get and asks each uid once', async () => {
    const { fake, client } = setup();
    await expect(client.getBillingKeys([])).resolves.toEqual({ found: [], missing: [] });
    expect(fake.calls).toHaveLength(0);
    await client.getBillingKeys(['x', 'x']);
    expect(fake.callsTo('GET', '/subscribe/customers')[0]?.target).toBe('/subscribe/customers?customer_uid[]=x');
  });

  it('deletes with reason and extra[requester] in the query and returns the deleted key', async () => {
    const { fake, client } = setup();
    fake.customers.set('u1', annotation('u1'));
    const deleted = await client.deleteBillingKey('u1', { reason: '고객 요청 해지', extra: { requester: 'customer' } });

    expect(deleted.customer_uid).toBe('u1');
    const [call] = fake.callsTo('DELETE', '/subscribe/customers/');
    expect(call?.target).toBe(
      `/subscribe/customers/u1?reason=${encodeURIComponent('고객 요청 해지')}&extra[requester]=customer`,
    );
    expect(call?.url.searchParams.get('reason')).toBe('고객 요청 해지');
    expect(call?.body).toBeUndefined();
    expect(fake.customers.has('u1')).toBe(false);
  });

  it('lists channels and payments', async () => {
    const { fake, client } = setup();
    fake.customers.set('u1', annotation('u1'));
    await expect(client.listChannels()).resolves.toEqual(fake.channels);
    await expect(client.listPayments('u1')).resolves.toEqual({ total: 0, previous: 0, next: 0, list: [] });
    expect(fake.callsTo('GET', '/subscribe/customers/u1/payments')[0]?.url.search).toBe('?page=1');
  });

  it('refuses an empty customer_uid before calling anyone', async () => {
    const { fake, client } = setup();
    await expect(client.getBillingKey('')).rejects.toBeInstanceOf(TypeError);
    await expect(client.deleteBillingKey('')).rejects.toBeInstanceOf(TypeError);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('success envelopes', () => {
  it('keeps unknown extra fields and accepts card_type null or missing', async () => {
    const { fake, client } = setup();
    const extra = { card_issuer_code: '381', brand_new_field: { nested: [1, 2] }, card_type: null };
    fake.customers.set('u1', annotation('u1', extra));
    const withoutType = annotation('u2');
    delete withoutType.card_type;
    fake.customers.set('u2', withoutType);

    const first = await client.getBillingKey('u1');
    expect(first.brand_new_field).toEqual({ nested: [1, 2] });
    expect(first.card_issuer_code).toBe('381');
    expect(first.card_type).toBeNull();
    const second = await client.getBillingKey('u2');
    expect('card_type' in second).toBe(false);
  });

  it('treats code 0 whose response is not an object as unavailable', async () => {
    const { fake, client } = setup();
    fake.on(method('GET', '/subscribe/customers/'), () => envelope(0, null, null), 1);
    fake.on(path('/users/pg'), () => envelope(0, null, { not: 'an array' }), 1);
    await expect(client.getBillingKey('u1')).rejects.toBeInstanceOf(IamportUnavailableError);
    await expect(client.listChannels()).rejects.toBeInstanceOf(IamportUnavailableError);
  });
});

/** The error of an issuance that the fake answers with `answer`. */
async function issuanceAnsweredWith(answer: Response): Promise<unknown> {
  const { fake, client } = setup();
  fake.on(method('POST', '/subscribe/customers/'), () => answer);
  return caught(client.issueBillingKey('u1', issueBody));
}

describe('errors', () => {
  it('turns a nice rejection into IamportRejectedError with the PG code, message untouched', async () => {
    const message =
      '카드정보 인증 및 빌키 발급에 실패하였습니다. [F112]유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)';
    const error = await issuanceAnsweredWith(envelope(-1, message, null));
    expect(error).toBeInstanceOf(IamportRejectedError);
    expect(error).toMatchObject({
      kind: 'rejected',
      iamportCode: -1,
      iamportMessage: message,
      pgCode: 'F112',
      httpStatus: 200,
    });
    expect((error as Error).message).toBe(message);
  });

  it('extracts the reason code F113, not NICEPAY’s 400, from a nice_v2 rejection', async () => {
    const message =
      '카드정보 인증 및 빌키 발급에 실패하였습니다. [400]Error From NICEPAY. (message: 카드번호오류, code:F113)';
    const error = await issuanceAnsweredWith(envelope(-1, message, null));
    expect(error).toMatchObject({ pgCode: 'F113', iamportMessage: message });
  });

  it('reports issuance code 1 as a rejection, not a not-found', async () => {
    const { fake, client } = setup();
    fake.on(method('POST', '/subscribe/customers/'), () =>
      envelope(1, '비인증결제모듈 사용정보를 찾을 수 없습니다.', null),
    );

    const error = await caught(client.issueBillingKey('u1', issueBody));
    expect(error).toBeInstanceOf(IamportRejectedError);
    expect(error).toMatchObject({
      iamportCode: 1,
      pgCode: null,
      iamportMessage: '비인증결제모듈 사용정보를 찾을 수 없습니다.',
    });
  });

  it('reports HTTP 400 with an envelope as a rejection', async () => {
    const { fake, client } = setup();
    fake.on(method('POST', '/subscribe/customers/'), () =>
      envelope(-1, '["card_number"] 파라메터는 필수입니다.', null, 400),
    );
    const error = await caught(client.issueBillingKey('u1', issueBody));
    expect(error).toMatchObject({
      kind: 'rejected',
      httpStatus: 400,
      iamportMessage: '["card_number"] 파라메터는 필수입니다.',
    });
  });

  it.each([404, 200] as const)('reports not found (HTTP %i + code 1) on get, delete and payments', async (status) => {
    const { fake, client } = setup();
    fake.notFoundStatus = status;
    for (const promise of [
      client.getBillingKey('nobody'),
      client.deleteBillingKey('nobody'),
      client.listPayments('nobody'),
    ]) {
      const error = await caught(promise);
      expect(error).toBeInstanceOf(IamportNotFoundError);
      expect(error).toMatchObject({
        httpStatus: status,
        iamportMessage: '요청하신 customer_uid(nobody)로 등록된 정보를 찾을 수 없습니다.',
      });
    }
    expect(fake.callsTo('GET', '/subscribe/customers/nobody')).toHaveLength(2); // a not-found is not retried
  });

  it.each([
    ['HTTP 500 with a valid envelope', () => envelope(-1, '서버 오류', null, 500), 500],
    [
      'a body that breaks off mid-way',
      () => new Response(brokenStream('{"code":0,"message":null,"resp'), { status: 200 }),
      200,
    ],
  ])('reports %s as unavailable, and never retries the issuance', async (_name, answer, httpStatus) => {
    const { fake, client } = setup();
    fake.on(method('POST', '/subscribe/customers/'), answer);

    const error = await caught(client.issueBillingKey('u1', issueBody));
    expect(error).toBeInstanceOf(IamportUnavailableError);
    expect(error).toMatchObject({ httpStatus });
    expect(fake.callsTo('POST', '/subscribe/customers/')).toHaveLength(1);
  });

  it('never retries a deletion', async () => {
    const { fake, client } = setup();
    fake.customers.set('u1', annotation('u1'));
    fake.on(method('DELETE', '/subscribe/customers/'), () => new Response('', { status: 503 }));
    await expect(client.deleteBillingKey('u1')).rejects.toBeInstanceOf(IamportUnavailableError);
    expect(fake.callsTo('DELETE', '/subscribe/customers/')).toHaveLength(1);
  });

  it('retries a read once on 500 and succeeds', async () => {
    const { fake, client } = setup();
    fake.customers.set('u1', annotation('u1'));
    fake.on(method('GET', '/subscribe/customers/'), () => envelope(-1, 'oops', null, 500), 1);

    await expect(client.getBillingKey('u1')).resolves.toMatchObject({ customer_uid: 'u1' });
    expect(fake.callsTo('GET', '/subscribe/customers/')).toHaveLength(2);
  });

  it('retries a read only once (429 twice → unavailable after exactly 2 calls)', async () => {
    const { fake, client } = setup();
    fake.on(path('/users/pg'), () => new Response('Too Many Requests', { status: 429 }));
    const error = await caught(client.listChannels());
    expect(error).toMatchObject({ kind: 'unavailable', httpStatus: 429 });
    expect(fake.callsTo('GET', '/users/pg')).toHaveLength(2);
  });

  const malformed: Array<[string, () => Response]> = [
    [
      'an HTML page',
      () =>
        new Response('<!DOCTYPE html><html><body>502</body></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    ],
    [
      'truncated JSON',
      () => new Response('{"code":0,"message":null,"response":{"customer_uid":"u1","card_', { status: 200 }),
    ],
    ['an empty body', () => new Response(null, { status: 200 })],
    ['JSON that is an array', () => new Response('[{"code":0}]', { status: 200 })],
    ['JSON null', () => new Response('null', { status: 200 })],
    ['JSON without a numeric code', () => new Response('{"code":"0","message":null,"response":{}}', { status: 200 })],
  ];
  it.each(malformed)('reports %s as unavailable, never as success', async (_name, respond) => {
    const { fake, client } = setup();
    fake.customers.set('u1', annotation('u1'));
    fake.on(method('GET', '/subscribe/customers/'), respond);
    fake.on(method('POST', '/subscribe/customers/'), respond);

    await expect(client.getBillingKey('u1')).rejects.toBeInstanceOf(IamportUnavailableError);
    await expect(client.issueBillingKey('u1', issueBody)).rejects.toBeInstanceOf(IamportUnavailableError);
  });

  it('reports an HTML 404 page (wrong base URL) as unavailable, not as not-found', async () => {
    const { fake, client } = setup();
    fake.on(
      method('GET', '/subscribe/customers/'),
      () => new Response('<html>404</html>', { status: 404, headers: { 'content-type': 'text/html' } }),
    );
    await expect(client.getBillingKey('u1')).rejects.toBeInstanceOf(IamportUnavailableError);
  });

  it('reports fetch rejecting as unavailable, retrying a read once', async () => {
    const { fake, client } = setup();
    fake.on(method('GET', '/subscribe/customers/'), () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4010') })),
    );

    const error = await caught(client.getBillingKey('u1'));
    expect(error).toBeInstanceOf(IamportUnavailableError);
    expect(error).toMatchObject({ httpStatus: null });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(fake.callsTo('GET', '/subscribe/customers/')).toHaveLength(2);
  });

  describe('an issuance whose answer is lost has an unknown outcome (issue 10, finding 1)', () => {
    const sendsThen = (answer: () => Response | Promise<Response>) => {
      const { fake, client } = setup();
      fake.on(method('POST', '/subscribe/customers/'), answer);
      return client;
    };
    const lost: Array<[string, () => Response | Promise<Response>]> = [
      [
        'connection reset after sending',
        () =>
          Promise.reject(
            new TypeError('fetch failed', {
              cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
            }),
          ),
      ],
      [
        'socket closed after sending',
        () =>
          Promise.reject(
            new TypeError('fetch failed', {
              cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
            }),
          ),
      ],
      ['a truncated body', () => new Response(brokenStream('{"code":0,"message":null,"resp'), { status: 200 })],
      [
        'a non-JSON body',
        () => new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      ],
      [
        'a gateway error page',
        () => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      ],
      ['a 500 envelope', () => envelope(-1, '서버 오류', null, 500)],
    ];
    it.each(lost)('%s: outcomeUnknown', async (_name, answer) => {
      const error = await caught(sendsThen(answer).issueBillingKey('u1', issueBody));
      expect(error).toBeInstanceOf(IamportUnavailableError);
      expect(error).toMatchObject({ outcomeUnknown: true });
    });
    it('a refused connection (never sent) and a parseable failure envelope are not issued', async () => {
      const refused = await caught(
        sendsThen(() =>
          Promise.reject(
            new TypeError('fetch failed', {
              cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
            }),
          ),
        ).issueBillingKey('u1', issueBody),
      );
      expect(refused).toMatchObject({ outcomeUnknown: false });
      const rejected = await caught(
        sendsThen(() => envelope(-1, '[F112] 유효하지 않은 카드', null, 200)).issueBillingKey('u1', issueBody),
      );
      expect(rejected).toBeInstanceOf(IamportRejectedError);
    });
    it('a read is never outcomeUnknown', async () => {
      const { fake, client } = setup();
      fake.on(method('GET', '/subscribe/customers/'), () => new Response('<html>502</html>', { status: 502 }));
      expect(await caught(client.getBillingKey('u1'))).toMatchObject({ outcomeUnknown: false });
    });
  });

  it('reports fetch rejecting on getToken as unavailable', async () => {
    const { client } = setup({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(client.getToken()).rejects.toBeInstanceOf(IamportUnavailableError);
  });
});

describe('timeouts and aborts', () => {
  it('times out an issuance with outcomeUnknown: true, even if fetch ignores the signal', async () => {
    const { fake, client } = setup({ issueTimeoutMs: 50 });
    fake.on(method('POST', '/subscribe/customers/'), never);

    const started = Date.now();
    const error = await caught(client.issueBillingKey('u1', issueBody));
    expect(error).toBeInstanceOf(IamportTimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true, timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.callsTo('POST', '/subscribe/customers/')).toHaveLength(1);
  });

  it('aborts the Request handed to fetch when the timeout fires', async () => {
    const { fake, client } = setup({ issueTimeoutMs: 50 });
    let seen: AbortSignal | undefined;
    fake.on(method('POST', '/subscribe/customers/'), (_call, request) => {
      seen = request.signal;
      return never();
    });
    await expect(client.issueBillingKey('u1', issueBody)).rejects.toBeInstanceOf(IamportTimeoutError);
    expect(seen?.aborted).toBe(true);
  });

  it('counts reading the body against the timeout', async () => {
    const { fake, client } = setup({ issueTimeoutMs: 50 });
    fake.on(method('POST', '/subscribe/customers/'), () => new Response(stalledStream('{"code":0,'), { status: 200 }));
    const error = await caught(client.issueBillingKey('u1', issueBody));
    expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: true });
  });

  it('times out a read with outcomeUnknown: false and does not retry it', async () => {
    const { fake, client } = setup({ readTimeoutMs: 50 });
    fake.on(method('GET', '/subscribe/customers/'), never);
    const error = await caught(client.getBillingKey('u1'));
    expect(error).toBeInstanceOf(IamportTimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: false, timeoutMs: 50 });
    expect(fake.callsTo('GET', '/subscribe/customers/')).toHaveLength(1);
  });

  it('clears the timer once the answer is read', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client } = setup();
    await client.listChannels();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('propagates the caller’s abort as an abort, not a timeout', async () => {
    const { fake, client } = setup({ issueTimeoutMs: 5_000 });
    fake.on(method('POST', '/subscribe/customers/'), never);
    const controller = new AbortController();
    const pending = client.issueBillingKey('u1', issueBody, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);

    const error = await caught(pending);
    expect(error).not.toBeInstanceOf(IamportTimeoutError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('does not call fetch when the caller’s signal is already aborted', async () => {
    const { fake, client } = setup();
    await client.getToken();
    const error = await caught(client.issueBillingKey('u1', issueBody, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(fake.callsTo('POST', '/subscribe/customers/')).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('keeps the secret and the token out of the client’s inspection and of error messages', async () => {
    const { fake, client } = setup();
    const token = await client.getToken();
    expect(inspect(client, { depth: 5, showHidden: true })).not.toContain(SECRET);
    expect(inspect(client, { depth: 5, showHidden: true })).not.toContain(token);
    expect(JSON.stringify(client)).not.toContain(SECRET);

    fake.on(method('POST', '/subscribe/customers/'), () => new Response('<html>oops</html>', { status: 500 }));
    fake.on(method('GET', '/subscribe/customers/'), () => Promise.reject(new TypeError('fetch failed')));
    const errors = [
      await caught(client.issueBillingKey('u1', issueBody)),
      await caught(client.getBillingKey('u1')),
      await caught(new IamportClient({ baseUrl: BASE, impKey: KEY, impSecret: 'bad', fetch: fake.fetch }).getToken()),
    ];
    for (const error of errors) {
      const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
      for (const secret of [SECRET, token, issueBody.card_number, '52728927']) expect(text).not.toContain(secret);
    }
  });
});

describe('over real HTTP with the default fetch', () => {
  let server: Server;
  let baseUrl = '';
  const seen: Array<{ method: string; url: string; tier: string | undefined }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', tier: req.headers.tier as string | undefined });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/users/getToken') {
        send(200, { code: 0, message: null, response: { access_token: 'f'.repeat(40), now: 100, expired_at: 1900 } });
      } else if (req.url === '/subscribe/customers/drop') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"code":0,"message":null,"response":{"custo');
        setTimeout(() => res.destroy(), 10);
      } else if (req.url === '/subscribe/customers/slow') {
        setTimeout(() => send(200, { code: 0, message: null, response: {} }), 1_000);
      } else {
        send(200, { code: 0, message: null, response: annotation(decodeURIComponent(req.url!.split('/').pop()!)) });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('talks to a real server, keeps encodings and headers', async () => {
    const client = new IamportClient({ baseUrl, impKey: KEY, impSecret: SECRET, tier: 'AB1' });
    await expect(client.getBillingKey('a/b 한')).resolves.toMatchObject({ customer_uid: 'a/b 한' });
    expect(seen.slice(-2)).toEqual([
      { method: 'POST', url: '/users/getToken', tier: 'AB1' },
      { method: 'GET', url: '/subscribe/customers/a%2Fb%20%ED%95%9C', tier: 'AB1' },
    ]);
  });

  it('reports a dropped connection as unavailable and a slow answer as a timeout', async () => {
    const client = new IamportClient({ baseUrl, impKey: KEY, impSecret: SECRET, issueTimeoutMs: 100, retryDelayMs: 0 });
    await expect(client.issueBillingKey('drop', issueBody)).rejects.toBeInstanceOf(IamportUnavailableError);
    await expect(client.issueBillingKey('slow', issueBody)).rejects.toMatchObject({
      kind: 'timeout',
      outcomeUnknown: true,
    });
  });
});
