import { describe, expect, it } from 'vitest';
import type { CustomerAnnotation, PgChannel } from '../types';
import { createSandbox, DEFAULT_SANDBOX_CHANNELS } from './index';
import { BASE, CARDS, listedChannel, readJson, setup } from '@/lib/testing/sandbox';

const notFound = (uid: string) => `요청하신 customer_uid(${uid})로 등록된 정보를 찾을 수 없습니다.`;
const body = (extra: Record<string, string> = {}) => ({ card_number: CARDS.kbCheck, expiry: '2030-12', ...extra });

/** A sandbox with one key issued as `uid`, its annotation and a token. */
async function issuedWithToken(uid: string) {
  const t = setup();
  const issued = (await t.issue(uid, body())).body.response;
  return { t, issued, token: await t.token() };
}

describe('sandbox look-ups (docs/iamport.md §4)', () => {
  it('gets a key, and answers code 1 with the not-found status for an unknown one', async () => {
    const { t, issued, token } = await issuedWithToken('a');
    const found = await t.call('GET', '/subscribe/customers/a', { token });
    expect(found.status).toBe(200);
    expect((await readJson(found)).response).toEqual(issued);

    const missing = await t.call('GET', '/subscribe/customers/zz', { token });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 1, message: notFound('zz'), response: null });

    t.sandbox.setNotFoundStatus(200);
    const missing200 = await t.call('GET', '/subscribe/customers/zz', { token });
    expect(missing200.status).toBe(200);
    expect((await readJson(missing200)).code).toBe(1);
  });

  it('takes the not-found status from the options', async () => {
    const t = setup({ notFoundStatus: 200 });
    expect((await t.call('DELETE', '/subscribe/customers/none', { token: await t.token() })).status).toBe(200);
  });

  it('multi-gets with 200 when all are found, 207 with the found ones, 404 when none', async () => {
    const t = setup();
    await t.issue('a', body());
    await t.issue('b', body({ card_number: CARDS.shinhan }));
    const token = await t.token();
    const all = await t.call('GET', '/subscribe/customers?customer_uid[]=a&customer_uid[]=b', { token });
    expect(all.status).toBe(200);
    expect((await readJson<CustomerAnnotation[]>(all)).response?.map((k) => k.customer_uid)).toEqual(['a', 'b']);

    const some = await t.call('GET', '/subscribe/customers?customer_uid%5B%5D=a&customer_uid%5B%5D=x', { token });
    expect(some.status).toBe(207);
    const someBody = await readJson<CustomerAnnotation[]>(some);
    expect(someBody.code).toBe(0);
    expect(someBody.response?.map((k) => k.customer_uid)).toEqual(['a']);

    const plain = await t.call('GET', '/subscribe/customers?customer_uid=b', { token });
    expect(plain.status).toBe(200);

    const none = await t.call('GET', '/subscribe/customers?customer_uid[]=x&customer_uid[]=y', { token });
    expect(none.status).toBe(404);
    expect((await readJson(none)).code).toBe(1);
  });

  it('deletes a key and answers the deleted annotation', async () => {
    const { t, issued, token } = await issuedWithToken('del');
    const res = await t.call('DELETE', '/subscribe/customers/del?reason=%ED%85%8C%EC%8A%A4%ED%8A%B8', { token });
    expect(res.status).toBe(200);
    expect((await readJson(res)).response).toEqual(issued);
    expect(await t.sandbox.admin.getKey('del')).toBeUndefined();
    const again = await t.call('DELETE', '/subscribe/customers/del', { token });
    expect(again.status).toBe(404);
    expect((await readJson(again)).message).toBe(notFound('del'));
  });

  it('lists an empty payments page for an existing key only', async () => {
    const t = setup();
    await t.issue('p', body());
    const token = await t.token();
    const res = await t.call('GET', '/subscribe/customers/p/payments?page=1', { token });
    expect((await readJson(res)).response).toEqual({ total: 0, previous: 0, next: 0, list: [] });
    expect((await t.call('GET', '/subscribe/customers/q/payments', { token })).status).toBe(404);
  });

  it('lists schedules only with from and to', async () => {
    const t = setup();
    await t.issue('s', body());
    const token = await t.token();
    expect((await t.call('GET', '/subscribe/customers/s/schedules', { token })).status).toBe(400);
    const from = t.nowSeconds();
    const res = await t.call('GET', `/subscribe/customers/s/schedules?from=${from}&to=${from + 86_400}`, { token });
    // OpenAPI ScheduleResponse: `response` is an array of ScheduleResultAnnotation.
    expect((await readJson(res)).response).toEqual([]);
  });

  it('lists the channels, key-in ones and others', async () => {
    const t = setup();
    const res = await t.call('GET', '/users/pg', { token: await t.token() });
    const channels = (await readJson<PgChannel[]>(res)).response!;
    // The sandbox-only `channel_group_ids` never reaches the API answer.
    expect(channels).toEqual(DEFAULT_SANDBOX_CHANNELS.map(listedChannel));
    expect(channels.every((c) => !('channel_group_ids' in c))).toBe(true);
    const keyIn = channels.filter((c) => c.type === 'api_payment').map((c) => c.pg_provider);
    expect(keyIn).toEqual(
      expect.arrayContaining(['nice', 'nice_v2', 'kcp', 'tosspayments', 'ksnet', 'welcome', 'daou']),
    );
    expect(channels.some((c) => c.type === 'payment')).toBe(true);
    expect(channels.some((c) => c.type === 'certification')).toBe(true);
    expect(channels.find((c) => c.pg_provider === 'nice')?.pg_id).toBe('nictest04m');
  });

  it('answers 404 for an unknown path and 405 for a wrong method, with the envelope', async () => {
    const t = setup();
    const unknown = await t.call('GET', '/payments/abc');
    expect(unknown.status).toBe(404);
    expect((await readJson(unknown)).code).toBe(1);
    const wrong = await t.call('PUT', '/subscribe/customers/a', { token: await t.token() });
    expect(wrong.status).toBe(405);
    expect((await readJson(wrong)).code).toBe(-1);
    expect((await t.call('GET', '/users/getToken')).status).toBe(405);
  });

  it('turns an unexpected error into a 500 envelope instead of throwing', async () => {
    const broken = createSandbox({
      store: {
        get: () => Promise.reject(new Error('db down')),
        getFirst: () => Promise.reject(new Error('db down')),
        set: () => Promise.reject(new Error('db down')),
        delete: () => Promise.reject(new Error('db down')),
      },
    });
    const tokenRes = await broken.fetch(
      new Request(`${BASE}/users/getToken`, {
        method: 'POST',
        body: 'imp_key=imp_sandbox_key&imp_secret=imp_sandbox_secret',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    const token = (await readJson<{ access_token: string }>(tokenRes)).response!.access_token;
    const res = await broken.fetch(new Request(`${BASE}/subscribe/customers/a`, { headers: { authorization: token } }));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: -1, message: 'Internal Server Error', response: null });
  });
});

describe('sandbox admin endpoints and stats', () => {
  it('counts calls per endpoint and resets', async () => {
    const t = setup();
    await t.issue('a', body());
    const token = await t.token();
    await t.call('GET', '/subscribe/customers/a', { token });
    await t.call('GET', '/subscribe/customers?customer_uid[]=a', { token });
    await t.call('GET', '/subscribe/customers/a/payments', { token });
    await t.call('GET', '/users/pg', { token });
    await t.call('DELETE', '/subscribe/customers/a', { token });
    const expected = {
      getToken: 2,
      issue: 1,
      get: 1,
      multiGet: 1,
      delete: 1,
      listChannels: 1,
      payments: 1,
      schedules: 0,
      payAgain: 0,
      total: 8,
    };
    expect(t.sandbox.stats()).toEqual(expected);
    expect(await (await t.call('GET', '/__sandbox/stats')).json()).toEqual(expected);
    expect(t.sandbox.stats().total).toBe(8);

    const reset = await t.call('POST', '/__sandbox/stats/reset');
    expect((await reset.json()).total).toBe(0);
    expect(t.sandbox.stats().issue).toBe(0);
    await t.token();
    t.sandbox.resetStats();
    expect(t.sandbox.stats().getToken).toBe(0);
  });

  it('switches the not-found status through /__sandbox/config', async () => {
    const t = setup();
    const res = await t.call('POST', '/__sandbox/config', { json: { notFoundStatus: 200 } });
    expect(await res.json()).toEqual({ notFoundStatus: 200 });
    expect((await t.call('GET', '/subscribe/customers/none', { token: await t.token() })).status).toBe(200);
    expect((await t.call('POST', '/__sandbox/config', { json: { notFoundStatus: 500 } })).status).toBe(400);
  });

  it('changes keys behind the client through PUT and DELETE /__sandbox/keys/{uid}', async () => {
    const t = setup();
    const put = await t.call('PUT', '/__sandbox/keys/planted%2F1', {
      json: { pg_provider: 'kcp', pg_id: 'BA001', card_name: '신한카드', card_number: '4518-4200-0000-0007' },
    });
    expect(put.status).toBe(200);
    const planted = (await readJson<CustomerAnnotation>(put)).response!;
    expect(planted).toMatchObject({ customer_uid: 'planted/1', pg_provider: 'kcp', card_number: '451842******0007' });
    const token = await t.token();
    expect((await t.call('GET', '/subscribe/customers/planted%2F1', { token })).status).toBe(200);

    await t.issue('gone', body());
    expect((await t.call('DELETE', '/__sandbox/keys/gone')).status).toBe(200);
    expect((await t.call('GET', '/subscribe/customers/gone', { token })).status).toBe(404);
    expect((await t.call('DELETE', '/__sandbox/keys/gone')).status).toBe(404);

    await t.call('PUT', '/__sandbox/keys/t1', { json: { card_name: 'x' }, headers: { tier: 'AB1' } });
    expect(await t.sandbox.admin.getKey('t1', 'AB1')).toBeDefined();
    expect(await t.sandbox.admin.getKey('t1')).toBeUndefined();
  });

  it('offers direct admin access to the state', async () => {
    const t = setup();
    const issued = (await t.issue('x', body())).body.response!;
    await t.sandbox.admin.putKey({ ...issued, card_name: '바뀐카드' });
    const token = await t.token();
    expect(
      (await readJson<CustomerAnnotation>(await t.call('GET', '/subscribe/customers/x', { token }))).response
        ?.card_name,
    ).toBe('바뀐카드');
    expect(await t.sandbox.admin.removeKey('x')).toBe(true);
    expect(await t.sandbox.admin.removeKey('x')).toBe(false);
  });
});

describe('sandbox never keeps card secrets', () => {
  it('stores only the masked number: no full number, pwd_2digit, birth or cvc', async () => {
    const t = setup();
    const secrets = { birth: '880101', pwd_2digit: '12', cvc: '987' };
    await t.issue('k1', { card_number: CARDS.kbCheck, expiry: '2030-12', pg: 'ksnet', ...secrets });
    await t.issue('k2', { card_number: CARDS.passwordCheck, expiry: '2030-12', pg: 'nice_v2', ...secrets });
    await t.issue('k3', {
      card_number: CARDS.shinhan,
      expiry: '2030-12',
      pg: 'tosspayments',
      customer_id: 'c',
      ...secrets,
    });
    await t.sandbox.admin.putKey({
      ...(await t.sandbox.admin.getKey('k1'))!,
      customer_uid: 'k4',
      card_number: CARDS.kbCheck,
      ...secrets,
    });
    const dump = JSON.stringify(t.store.entries());
    expect(t.store.entries()).toHaveLength(4);
    for (const number of [CARDS.kbCheck, CARDS.passwordCheck, CARDS.shinhan]) {
      expect(dump).not.toContain(number);
      expect(dump).not.toContain(number.replace(/-/g, ''));
    }
    for (const value of ['880101', '"12"', '987', '2030-12', 'pwd_2digit', 'birth', 'cvc'])
      expect(dump).not.toContain(value);
  });
});
