/**
 * The sandbox driven by Iamport clients this project did not write, published on npm, over real HTTP:
 * - `iamport-rest-client-nodejs` (PortOne's own Node REST client, axios 0.19, `Authorization: Bearer`,
 *   multi-get with `customer_uid[]=` via qs brackets, 207 handling, paged payments);
 * - `iamporter` (a community client, axios 0.16, the raw `Authorization: <token>` header form).
 * Both take a base URL option (`baseUrl` / `host`), so they are pointed at the sandbox served on an
 * ephemeral loopback port by `serveSandbox`; nothing is intercepted and nothing in node_modules changed.
 */
import { createRequire } from 'node:module';
import { Iamport, Request as IamportRequest } from 'iamport-rest-client-nodejs';
import { describe, expect, it } from 'vitest';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from './index';
import { servedSandboxes } from '@/lib/testing/sandbox-http';
import { CARDS } from '@/lib/testing/sandbox';

const { Customers, Subscribe } = IamportRequest;

interface Envelope {
  code: number;
  message: string | null;
  response: Record<string, unknown> | null;
}

/** What iamport-rest-client-nodejs resolves with (its typings omit `status`). */
interface OfficialAnswer {
  status: number;
  data: { code: number; message: string | null; response: unknown };
}

/** What it rejects with: an axios error, or `{response: {data}}` for a non-zero code on HTTP 2xx. */
interface OfficialFailure {
  response?: { status?: number; data: Envelope };
}

/** The part of iamporter (no typings) used here. */
interface IamporterAnswer {
  status: number;
  message: string | null;
  data: Record<string, unknown> | null;
  raw: Envelope;
}
interface IamporterClient {
  getToken(): Promise<IamporterAnswer>;
  createSubscription(data: Record<string, string>): Promise<IamporterAnswer>;
  getSubscription(customerUid: string): Promise<IamporterAnswer>;
  deleteSubscription(customerUid: string): Promise<IamporterAnswer>;
  paySubscription(data: Record<string, string | number>): Promise<IamporterAnswer>;
}
type IamporterConstructor = new (options: { apiKey: string; secret: string; host: string }) => IamporterClient;
/** IamporterError: the serialized answer's fields, none when no HTTP answer arrived. */
interface IamporterFailure extends Error {
  status?: number;
  data?: unknown;
  raw?: Envelope;
}

const { Iamporter, IamporterError } = createRequire(import.meta.url)('iamporter') as {
  Iamporter: IamporterConstructor;
  IamporterError: new () => Error;
};

const serve = servedSandboxes();

async function failureOf<T>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('expected the call to fail');
}

describe('iamport-rest-client-nodejs (PortOne) against the sandbox over HTTP', () => {
  it('issues, reads, multi-gets (200 and 207), charges and pages payments, and deletes keys', async () => {
    const { sandbox, url } = await serve();
    const iamport = new Iamport({ apiKey: SANDBOX_IMP_KEY, apiSecret: SANDBOX_IMP_SECRET, baseUrl: url });
    const customer = {
      customer_name: '홍길동',
      customer_tel: '010-1234-5678',
      customer_email: 'a@example.com',
      customer_addr: '서울',
      customer_postcode: '04524',
    };

    const issued = (await Customers.postBillingKey({
      customer_uid: 'npm-1',
      pg: 'nice',
      card_number: CARDS.kbCheck,
      expiry: '2030-12',
      birth: '880101',
      pwd_2digit: '12',
      ...customer,
    }).request(iamport)) as unknown as OfficialAnswer;
    expect(issued.status).toBe(200);
    expect(issued.data.code).toBe(0);
    expect(issued.data.response).toMatchObject({
      customer_uid: 'npm-1',
      card_name: '국민KB카드',
      card_code: '381',
      card_number: '52728900****0004',
      customer_name: '홍길동',
    });
    // The client turns unix seconds into Dates.
    expect((issued.data.response as { inserted: unknown }).inserted).toBeInstanceOf(Date);
    await Customers.postBillingKey({
      customer_uid: 'npm-2',
      card_number: CARDS.shinhan,
      expiry: '2031-01',
      birth: '880101',
      ...customer,
    }).request(iamport);

    const read = (await Customers.getBillingKey({ customer_uid: 'npm-1' }).request(
      iamport,
    )) as unknown as OfficialAnswer;
    expect(read.data.response).toMatchObject({ customer_uid: 'npm-1', card_number: '52728900****0004' });

    const both = (await Customers.getBillingKeys({ customer_uid: ['npm-1', 'npm-2'] }).request(
      iamport,
    )) as unknown as OfficialAnswer;
    expect(both.status).toBe(200);
    expect((both.data.response as { customer_uid: string }[]).map((c) => c.customer_uid)).toEqual(['npm-1', 'npm-2']);
    const some = (await Customers.getBillingKeys({ customer_uid: ['npm-1', 'absent'] }).request(
      iamport,
    )) as unknown as OfficialAnswer;
    expect(some.status).toBe(207);
    expect((some.data.response as { customer_uid: string }[]).map((c) => c.customer_uid)).toEqual(['npm-1']);

    for (let i = 1; i <= 21; i++) {
      const paid = (await Subscribe.again({
        customer_uid: 'npm-1',
        merchant_uid: `npm-order-${i}`,
        amount: 1000 * i,
        name: '정기결제',
      }).request(iamport)) as unknown as OfficialAnswer;
      expect(paid.data.response).toMatchObject({ status: 'paid', amount: 1000 * i, merchant_uid: `npm-order-${i}` });
    }
    const page1 = (await Customers.getPayments({ customer_uid: 'npm-1', page: 1 }).request(
      iamport,
    )) as unknown as OfficialAnswer;
    const list1 = page1.data.response as {
      total: number;
      previous: number;
      next: number;
      list: { merchant_uid: string }[];
    };
    expect([list1.total, list1.previous, list1.next, list1.list.length]).toEqual([21, 0, 2, 20]);
    expect(list1.list[0]!.merchant_uid).toBe('npm-order-21');
    const page2 = (await Customers.getPayments({ customer_uid: 'npm-1', page: 2 }).request(
      iamport,
    )) as unknown as OfficialAnswer;
    expect(page2.data.response).toMatchObject({ total: 21, previous: 1, next: 0 });

    const deleted = (await Customers.deleteBillingKey({ customer_uid: 'npm-1' }).request(
      iamport,
    )) as unknown as OfficialAnswer;
    expect(deleted.data.response).toMatchObject({ customer_uid: 'npm-1' });
    const gone = await failureOf<OfficialFailure>(Customers.getBillingKey({ customer_uid: 'npm-1' }).request(iamport));
    expect(gone.response?.status).toBe(404);
    expect(gone.response?.data).toEqual({
      code: 1,
      message: '요청하신 customer_uid(npm-1)로 등록된 정보를 찾을 수 없습니다.',
      response: null,
    });

    // The client got one token and reused it for every call (docs/iamport.md §2: same token while valid).
    expect(sandbox.stats().getToken).toBe(1);
    expect(await sandbox.admin.getKey('npm-2')).toBeDefined();
  });

  it('sees rejections as code -1 on HTTP 200, and not-found as 200 + code 1 when switched', async () => {
    const { sandbox, url } = await serve();
    const iamport = new Iamport({ apiKey: SANDBOX_IMP_KEY, apiSecret: SANDBOX_IMP_SECRET, baseUrl: url });
    const declined = await failureOf<OfficialFailure>(
      Customers.postBillingKey({
        customer_uid: 'npm-d',
        card_number: CARDS.declined,
        expiry: '2030-12',
        birth: '880101',
        customer_name: '',
        customer_tel: '',
        customer_email: '',
        customer_addr: '',
        customer_postcode: '',
      }).request(iamport),
    );
    expect(declined.response?.data.code).toBe(-1);
    expect(declined.response?.data.message).toBe(
      '카드정보 인증 및 빌키 발급에 실패하였습니다. [F114]해당카드 사용불가 가맹점(타카드 사용요망)',
    );

    sandbox.setNotFoundStatus(200);
    const missing = await failureOf<OfficialFailure>(
      Customers.getBillingKey({ customer_uid: 'nobody' }).request(iamport),
    );
    expect(missing.response?.status).toBeUndefined(); // rejected for code 1 on a 2xx, not by axios
    expect(missing.response?.data.code).toBe(1);

    const wrong = new Iamport({ apiKey: SANDBOX_IMP_KEY, apiSecret: 'wrong', baseUrl: url });
    const unauthorized = await failureOf<OfficialFailure>(
      Customers.getBillingKey({ customer_uid: 'x' }).request(wrong),
    );
    expect(unauthorized.response?.status).toBe(401);
    expect(unauthorized.response?.data.message).toBe('인증에 실패하였습니다. API키와 secret을 확인하세요.');
  });
});

describe('iamporter (community client) against the sandbox over HTTP', () => {
  it('issues, reads, charges and deletes a key with the raw Authorization header form', async () => {
    const { sandbox, url } = await serve();
    const client = new Iamporter({ apiKey: SANDBOX_IMP_KEY, secret: SANDBOX_IMP_SECRET, host: url });

    const token = await client.getToken();
    expect(token.status).toBe(200);
    expect(token.data?.access_token).toMatch(/^[0-9a-f]{40}$/);

    const created = await client.createSubscription({
      customer_uid: 'porter-1',
      pg: 'kcp',
      card_number: CARDS.hanaNullType,
      expiry: '2030-12',
      birth: '880101',
    });
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({
      customer_uid: 'porter-1',
      pg_provider: 'kcp',
      card_number: '461954******0000',
      card_type: null,
    });

    const read = await client.getSubscription('porter-1');
    expect(read.data).toEqual(created.data);

    const paid = await client.paySubscription({
      customer_uid: 'porter-1',
      merchant_uid: 'porter-order-1',
      amount: 5000,
      name: '구독',
    });
    expect(paid.data).toMatchObject({ status: 'paid', amount: 5000, card_number: '461954******0000' });
    expect(sandbox.admin.payments('porter-1')).toHaveLength(1);

    const deleted = await client.deleteSubscription('porter-1');
    expect(deleted.data).toEqual(created.data);
    // iamporter resolves a 404 instead of rejecting it.
    const gone = await client.getSubscription('porter-1');
    expect(gone.status).toBe(404);
    expect(gone.raw).toMatchObject({ code: 1, response: null });
    expect(await sandbox.admin.getKey('porter-1')).toBeUndefined();
  });

  it('meets the failure cards as errors: a PG rejection, a 500, and a connection dropped mid-response', async () => {
    const { url, sandbox } = await serve();
    const client = new Iamporter({ apiKey: SANDBOX_IMP_KEY, secret: SANDBOX_IMP_SECRET, host: url });
    const base = { expiry: '2030-12', birth: '880101' };

    const rejected = await failureOf<IamporterFailure>(
      client.createSubscription({ customer_uid: 'p-x', card_number: CARDS.unknownBin, ...base }),
    );
    expect(rejected).toBeInstanceOf(IamporterError);
    expect(rejected.message).toBe(
      '카드정보 인증 및 빌키 발급에 실패하였습니다. [F112]유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)',
    );

    const serverError = await failureOf<IamporterFailure>(
      client.createSubscription({ customer_uid: 'p-x', card_number: CARDS.http500, ...base }),
    );
    expect(serverError.status).toBe(500);
    expect(serverError.raw).toEqual({ code: -1, message: 'Internal Server Error', response: null });

    // No HTTP response at all reaches the client: its "unexpected error" path for network failures.
    const dropped = await failureOf<IamporterFailure>(
      client.createSubscription({ customer_uid: 'p-x', card_number: CARDS.connectionDrop, ...base }),
    );
    expect(dropped.message).toBe('예기치 못한 오류가 발생하였습니다.');
    expect([dropped.status, dropped.raw]).toEqual([undefined, undefined]);
    expect(await sandbox.admin.getKey('p-x')).toBeUndefined();
  });
});
