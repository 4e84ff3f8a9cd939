/**
 * Every kind of answer the sandbox gives, validated against the official OpenAPI document (vendored
 * in lib/testing/fixtures/iamport-openapi, swagger 2.0, MIT) with Ajv (draft-04). See
 * lib/testing/openapi.ts for how swagger 2.0 is read: numeric strings fixed, optional = nullable,
 * objects closed, and the two fields the copy predates added. Without the document these tests fail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_GROUP_ID, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from './index';
import {
  createConformanceChecker,
  OPENAPI_PATH,
  readOpenApi,
  withNewerFields,
  type ConformanceChecker,
} from '@/lib/testing/openapi';
import { readFileSync } from 'node:fs';
import { CARDS, setup } from '@/lib/testing/sandbox';

type Method = 'GET' | 'POST' | 'DELETE';

let checker: ConformanceChecker;
beforeAll(() => {
  checker = createConformanceChecker();
});

/** Calls the sandbox and validates the answer against the document's entry for `template`. */
async function conform(
  t: ReturnType<typeof setup>,
  method: Method,
  template: string,
  path: string,
  options: { token?: string; json?: unknown; headers?: Record<string, string>; undocumented?: string } = {},
) {
  const res = await t.call(method, path, { token: options.token, json: options.json, headers: options.headers });
  const body = (await res.json()) as { code: number; message: string | null; response: unknown };
  const { matched } = checker.check({
    method,
    path: template,
    status: res.status,
    body,
    undocumented: options.undocumented,
  });
  return { status: res.status, body, matched };
}

const ISSUE = '/subscribe/customers/{customer_uid}';
const card = (number: string, extra: Record<string, string> = {}) => ({
  card_number: number,
  expiry: '2030-12',
  ...extra,
});

describe('the OpenAPI document', () => {
  it('is the vendored MIT copy inside the repository, or the suite fails with a clear message', () => {
    expect(OPENAPI_PATH.replace(/\\/g, '/')).toMatch(/\/lib\/testing\/fixtures\/iamport-openapi\/v1\.billing\.json$/);
    const doc = readOpenApi();
    expect(doc.swagger).toBe('2.0');
    expect(() => readOpenApi('/nonexistent/v1.billing.json')).toThrow(
      /OpenAPI document not found at \/nonexistent\/v1\.billing\.json/,
    );
  });

  it('gets the fields the vendored copy predates: channel_key (request) and sandbox (answer)', () => {
    const raw = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Parameters<typeof withNewerFields>[0];
    const { added } = withNewerFields(raw);
    // This copy (2026-03) already declares `sandbox`; `channel_key` it lacks.
    expect(added).toEqual(['POST /subscribe/customers/{customer_uid} channel_key']);
    const doc = readOpenApi();
    const issue = doc.paths['/subscribe/customers/{customer_uid}']?.post as unknown as {
      parameters: { name: string }[];
    };
    expect(issue.parameters.map((parameter) => parameter.name)).toContain('channel_key');
    const withoutSandbox = structuredClone(raw);
    delete (withoutSandbox.definitions.CustomerAnnotation!.properties as Record<string, unknown>).sandbox;
    expect(withNewerFields(withoutSandbox).added).toContain('CustomerAnnotation.sandbox');
  });

  it('is normalized as documented (numeric strings, nullable optionals, closed objects)', () => {
    const { numericStrings, closed, nullable, requiredUndeclared } = checker.normalization;
    // Document defects: SucceededChannelAnnotation requires `update` but declares `updated` (the sandbox
    // sends both, see types.ts); VbankDepositAnnotation requires an undeclared `reason` (never sent here).
    expect(requiredUndeclared).toEqual(['SucceededChannelAnnotation.update', 'VbankDepositAnnotation.reason']);
    expect(numericStrings).toContain('CustomerAnnotation.customer_uid.maxLength');
    expect(closed).toEqual(
      expect.arrayContaining(['CustomerAnnotation', 'SuperBillingKeyAnnotation', 'PaymentAnnotation']),
    );
    expect(closed).not.toContain('ResponseAnnotation');
    expect(nullable).toBeGreaterThan(50);
  });

  it('catches what a wrong sandbox would send (negative controls)', () => {
    const validate = checker.definition('CustomerAnnotation');
    const good = {
      customer_uid: 'u',
      pg_provider: 'nice',
      pg_id: 'nictest04m',
      sandbox: true,
      card_name: '국민KB카드',
      card_type: null,
      inserted: 1,
      updated: 1,
    };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, card_type: '1' })).toBe(false);
    expect(validate({ ...good, sandbox: undefined })).toBe(false);
    expect(validate({ ...good, card_nmae: 'typo' })).toBe(false);
    expect(validate({ ...good, customer_uid: 'x'.repeat(81) })).toBe(false);
    expect(validate({ ...good, card_name: null })).toBe(false); // required: never null
    const envelope = { code: 0, message: null, response: good };
    expect(checker.check({ method: 'GET', path: ISSUE, status: 200, body: envelope }).matched).toBe('CustomerResponse');
    expect(() => checker.check({ method: 'GET', path: ISSUE, status: 200, body: { ...envelope, extra: 1 } })).toThrow(
      /envelope has keys/,
    );
    expect(() => checker.check({ method: 'GET', path: ISSUE, status: 500, body: envelope })).toThrow(
      /HTTP 500 .* is not in the OpenAPI document/,
    );
    expect(() =>
      checker.check({ method: 'GET', path: ISSUE, status: 200, body: { code: -1, message: 'x', response: good } }),
    ).toThrow(/failure \(code -1\) with a response/);
  });
});

describe('sandbox answers conform to the OpenAPI document', () => {
  it('getToken: AuthResponse; 401 on a wrong pair; 400 on a missing one (docs/iamport.md §2)', async () => {
    const t = setup();
    const ok = await conform(t, 'POST', '/users/getToken', '/users/getToken', {
      json: { imp_key: SANDBOX_IMP_KEY, imp_secret: SANDBOX_IMP_SECRET },
    });
    expect([ok.status, ok.matched]).toEqual([200, 'AuthResponse']);
    const wrong = await conform(t, 'POST', '/users/getToken', '/users/getToken', {
      json: { imp_key: SANDBOX_IMP_KEY, imp_secret: 'wrong' },
    });
    expect([wrong.status, wrong.matched]).toEqual([401, 'envelope']);
    const missing = await conform(t, 'POST', '/users/getToken', '/users/getToken', {
      json: { imp_key: SANDBOX_IMP_KEY },
      undocumented: 'docs/iamport.md §2: missing key or secret answers 400 per a third-party client (unconfirmed)',
    });
    expect(missing.status).toBe(400);
  });

  it.each([
    ['nice', CARDS.kbCheck, 1, {}],
    ['nice', CARDS.hanaNullType, null, {}],
    ['nice_v2', CARDS.shinhan, 0, { customer_id: 'buyer-1' }],
    ['kcp', CARDS.kbCheck, 1, {}],
    ['tosspayments', CARDS.hanaNullType, null, { customer_id: 'buyer-1' }],
    ['ksnet', CARDS.shinhan, 0, { birth: '880101', pwd_2digit: '12' }],
    ['welcome', CARDS.kbCheck, 1, { customer_name: '홍길동', customer_email: 'a@example.com' }],
    ['daou', CARDS.shinhan, 0, { customer_tel: '010-0000-0000', customer_postcode: '04524' }],
  ] as const)('issue on %s with %s (card_type %s): CustomerResponse', async (pg, number, cardType, extra) => {
    const t = setup();
    const issued = await conform(t, 'POST', ISSUE, '/subscribe/customers/c-1', {
      token: await t.token(),
      json: card(number, { pg, ...extra }),
    });
    expect([issued.status, issued.matched]).toEqual([200, 'CustomerResponse']);
    expect(issued.body.response).toMatchObject({ pg_provider: pg, card_type: cardType, sandbox: true });
    // A replacement has the same shape.
    const replaced = await conform(t, 'POST', ISSUE, '/subscribe/customers/c-1', {
      token: await t.token(),
      json: card(CARDS.kbCheck, { pg, ...extra }),
    });
    expect(replaced.matched).toBe('CustomerResponse');
  });

  it('issue with channel_group_id: SuperBillingKeyResponse, with and without failed channels', async () => {
    const t = setup();
    const token = await t.token();
    const all = await conform(t, 'POST', ISSUE, '/subscribe/customers/g-1', {
      token,
      json: card(CARDS.kbCheck, { channel_group_id: DEFAULT_CHANNEL_GROUP_ID, customer_id: 'b', customer_name: '김' }),
    });
    expect([all.status, all.matched]).toEqual([200, 'SuperBillingKeyResponse']);
    const partial = await conform(t, 'POST', ISSUE, '/subscribe/customers/g-2', {
      token,
      json: card(CARDS.hanaNullType, { channel_group_id: DEFAULT_CHANNEL_GROUP_ID }),
    });
    expect(partial.matched).toBe('SuperBillingKeyResponse');
    expect((partial.body.response as { failedChannels: unknown[] }).failedChannels).toHaveLength(1);
    for (const method of ['GET', 'DELETE'] as const) {
      const answer = await conform(t, method, ISSUE, '/subscribe/customers/g-1', { token });
      expect([answer.status, answer.matched]).toEqual([200, 'SuperBillingKeyResponse']);
    }
  });

  it.each([
    ['F112 (unknown BIN)', card(CARDS.unknownBin), -1],
    ['F113 (past expiry)', { card_number: CARDS.kbCheck, expiry: '2020-01' }, -1],
    ['F114 (PG decline)', card(CARDS.declined), -1],
    ['nice_v2 pwd_2digit', card(CARDS.kbCheck, { pg: 'nice_v2', pwd_2digit: '1' }), -1],
    ['ksnet without birth', card(CARDS.kbCheck, { pg: 'ksnet' }), -1],
    ['password_check card', card(CARDS.passwordCheck, { pwd_2digit: '99', birth: '880101' }), -1],
    ['no key-in module', card(CARDS.noKeyIn), 1],
    ['unknown channel_key', card(CARDS.kbCheck, { channel_key: 'nope' }), 1],
    ['unknown channel group', card(CARDS.kbCheck, { channel_group_id: 'nope' }), 1],
    ['every group channel refuses', card(CARDS.declined, { channel_group_id: DEFAULT_CHANNEL_GROUP_ID }), -1],
  ])('issue rejection (%s): the envelope on HTTP 200 with response null', async (_name, body, code) => {
    const t = setup();
    const answer = await conform(t, 'POST', ISSUE, '/subscribe/customers/r-1', { token: await t.token(), json: body });
    expect([answer.status, answer.body.code, answer.body.response]).toEqual([200, code, null]);
  });

  it('issue: 400 for a missing parameter (docs/iamport.md §3), 401 for a bad or expired-in-flight token', async () => {
    const t = setup();
    const missing = await conform(t, 'POST', ISSUE, '/subscribe/customers/v-1', {
      token: await t.token(),
      json: { card_number: CARDS.kbCheck },
      undocumented: 'docs/iamport.md §3: missing required parameter, status unconfirmed',
    });
    expect([missing.status, missing.body.message]).toEqual([400, '["expiry"] 파라메터는 필수입니다.']);
    const noToken = await conform(t, 'POST', ISSUE, '/subscribe/customers/v-1', { json: card(CARDS.kbCheck) });
    expect(noToken.status).toBe(401);
    const midFlight = await conform(t, 'POST', ISSUE, '/subscribe/customers/v-1', {
      token: await t.token(),
      json: card(CARDS.tokenExpiry),
    });
    expect(midFlight.status).toBe(401);
  });

  it('get and delete: CustomerResponse; not found as 404 and as 200 (switchable)', async () => {
    const t = setup();
    const token = await t.token();
    await t.issue('k-1', card(CARDS.kbCheck, { pg: 'nice_v2' }));
    await t.issue('k-2', card(CARDS.shinhan, { pg: 'kcp' }));
    const get = await conform(t, 'GET', ISSUE, '/subscribe/customers/k-1', { token });
    expect([get.status, get.matched]).toEqual([200, 'CustomerResponse']);
    const notFound404 = await conform(t, 'GET', ISSUE, '/subscribe/customers/none', { token });
    expect([notFound404.status, notFound404.matched, notFound404.body.code]).toEqual([404, 'envelope', 1]);
    const deleted = await conform(t, 'DELETE', ISSUE, '/subscribe/customers/k-2?reason=test', { token });
    expect([deleted.status, deleted.matched]).toEqual([200, 'CustomerResponse']);
    const deleteMissing = await conform(t, 'DELETE', ISSUE, '/subscribe/customers/k-2', { token });
    expect(deleteMissing.status).toBe(404);

    t.sandbox.setNotFoundStatus(200);
    const notFound200 = await conform(t, 'GET', ISSUE, '/subscribe/customers/none', { token });
    expect([notFound200.status, notFound200.body.code, notFound200.body.response]).toEqual([200, 1, null]);
    const deleteMissing200 = await conform(t, 'DELETE', ISSUE, '/subscribe/customers/none', { token });
    expect([deleteMissing200.status, deleteMissing200.body.code]).toEqual([200, 1]);
  });

  it('multi-get: MultipleCustomersResponse with 200 (all found) and 207 (some), envelope on 404 (none)', async () => {
    const t = setup();
    const token = await t.token();
    await t.issue('m-1', card(CARDS.kbCheck, { pg: 'tosspayments', customer_id: 'b' }));
    await t.issue('m-2', card(CARDS.hanaNullType, { pg: 'ksnet', birth: '880101', pwd_2digit: '12' }));
    const path = '/subscribe/customers';
    const all = await conform(t, 'GET', path, '/subscribe/customers?customer_uid[]=m-1&customer_uid[]=m-2', { token });
    expect([all.status, all.matched]).toEqual([200, 'MultipleCustomersResponse']);
    const some = await conform(t, 'GET', path, '/subscribe/customers?customer_uid[]=m-1&customer_uid[]=x', { token });
    expect([some.status, some.matched, (some.body.response as unknown[]).length]).toEqual([
      207,
      'MultipleCustomersResponse',
      1,
    ]);
    const none = await conform(t, 'GET', path, '/subscribe/customers?customer_uid[]=x&customer_uid[]=y', { token });
    expect([none.status, none.matched]).toEqual([404, 'envelope']);
  });

  it('payments: PaymentListResponse, empty and with real PaymentAnnotation entries on two pages', async () => {
    const t = setup();
    const token = await t.token();
    await t.issue('p-1', card(CARDS.kbCheck, { pg: 'welcome', customer_name: '홍길동' }));
    const template = '/subscribe/customers/{customer_uid}/payments';
    const empty = await conform(t, 'GET', template, '/subscribe/customers/p-1/payments', { token });
    expect([empty.status, empty.matched]).toEqual([200, 'PaymentListResponse']);
    for (let i = 0; i < 21; i++) {
      const paid = await conform(t, 'POST', '/subscribe/payments/again', '/subscribe/payments/again', {
        token,
        json: { customer_uid: 'p-1', merchant_uid: `order-${i}`, amount: 1000 + i, name: '정기결제', buyer_tel: '010' },
      });
      expect([paid.status, paid.matched]).toEqual([200, 'PaymentResponse']);
    }
    const first = await conform(t, 'GET', template, '/subscribe/customers/p-1/payments?page=1', { token });
    expect(first.matched).toBe('PaymentListResponse');
    expect((first.body.response as { list: unknown[] }).list).toHaveLength(20);
    const second = await conform(t, 'GET', template, '/subscribe/customers/p-1/payments?page=2', { token });
    expect(second.body.response).toMatchObject({ total: 21, previous: 1, next: 0 });
    const missing = await conform(t, 'GET', template, '/subscribe/customers/none/payments', { token });
    expect([missing.status, missing.matched]).toEqual([404, 'envelope']);
  });

  it('schedules: ScheduleResponse (an empty array), 400 without from/to', async () => {
    const t = setup();
    const token = await t.token();
    await t.issue('s-1', card(CARDS.kbCheck));
    const template = '/subscribe/customers/{customer_uid}/schedules';
    const from = t.nowSeconds();
    const ok = await conform(t, 'GET', template, `/subscribe/customers/s-1/schedules?from=${from}&to=${from + 3600}`, {
      token,
    });
    expect([ok.status, ok.matched, ok.body.response]).toEqual([200, 'ScheduleResponse', []]);
    const bad = await conform(t, 'GET', template, '/subscribe/customers/s-1/schedules', { token });
    expect([bad.status, bad.matched]).toEqual([400, 'envelope']);
  });

  it('users/pg: MultiplePgSettingResponse (default channels and channels with groups)', async () => {
    const t = setup();
    const answer = await conform(t, 'GET', '/users/pg', '/users/pg', { token: await t.token() });
    expect([answer.status, answer.matched]).toEqual([200, 'MultiplePgSettingResponse']);
    expect((answer.body.response as unknown[]).length).toBeGreaterThan(5);
  });
});
