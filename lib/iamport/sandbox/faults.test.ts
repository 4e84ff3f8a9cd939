import { describe, expect, it } from 'vitest';
import { IamportClient } from '../client';
import { IamportUnavailableError } from '../errors';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from './index';
import { BASE, CARDS, readJson, setup } from '@/lib/testing/sandbox';

const body = { card_number: CARDS.kbCheck, expiry: '2030-12' };

async function putFault(t: ReturnType<typeof setup>, uid: string, kind: unknown) {
  return t.call('PUT', `/__sandbox/faults/${encodeURIComponent(uid)}`, { json: { kind } });
}

describe('sandbox fault injection per customer_uid', () => {
  it('http_500: get, delete and issue naming the uid answer 500; other uids are untouched', async () => {
    const t = setup();
    await t.issue('f500', body);
    await t.issue('fine', body);
    const set = await putFault(t, 'f500', 'http_500');
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ customer_uid: 'f500', kind: 'http_500' });
    const token = await t.token();

    const get = await t.call('GET', '/subscribe/customers/f500', { token });
    expect(get.status).toBe(500);
    expect((await readJson(get)).code).toBe(-1);
    expect((await t.call('DELETE', '/subscribe/customers/f500?reason=x', { token })).status).toBe(500);
    expect((await t.issue('f500', body)).status).toBe(500);
    // The fault did not delete anything.
    expect(await t.sandbox.admin.getKey('f500')).toBeDefined();
    expect((await t.call('GET', '/subscribe/customers/fine', { token })).status).toBe(200);
  });

  it('html_error: an HTML 502 page, even for a multi-get that only contains the uid', async () => {
    const t = setup();
    await t.issue('a', body);
    await t.issue('fhtml', body);
    await putFault(t, 'fhtml', 'html_error');
    const token = await t.token();
    const multi = await t.call('GET', '/subscribe/customers?customer_uid[]=a&customer_uid[]=fhtml', { token });
    expect(multi.status).toBe(502);
    expect(multi.headers.get('content-type')).toContain('text/html');
    expect(await multi.text()).toContain('502 Bad Gateway');
    const without = await t.call('GET', '/subscribe/customers?customer_uid[]=a', { token });
    expect(without.status).toBe(200);
  });

  it('connection_drop: the body breaks off mid-response', async () => {
    const t = setup();
    await putFault(t, 'fdrop', 'connection_drop');
    const res = await t.call('GET', '/subscribe/customers/fdrop', { token: await t.token() });
    await expect(res.json()).rejects.toThrow();
  });

  it('DELETE clears the fault and the uid answers normally again', async () => {
    const t = setup();
    await t.issue('fclear', body);
    await putFault(t, 'fclear', 'http_500');
    expect((await t.call('GET', '/__sandbox/faults/fclear')).status).toBe(200);
    const cleared = await t.call('DELETE', '/__sandbox/faults/fclear');
    expect(await cleared.json()).toEqual({ customer_uid: 'fclear', kind: null, cleared: true });
    expect((await t.call('GET', '/__sandbox/faults/fclear')).status).toBe(404);
    const get = await t.call('GET', '/subscribe/customers/fclear', { token: await t.token() });
    expect(get.status).toBe(200);
  });

  it('rejects an unknown kind with 400 and a message naming the kinds', async () => {
    const t = setup();
    const res = await putFault(t, 'x', 'meteor');
    expect(res.status).toBe(400);
    expect((await readJson(res)).message).toContain('http_500, html_error, connection_drop');
    expect(t.sandbox.admin.getFault('x')).toBeUndefined();
    expect((await t.call('POST', '/__sandbox/faults/x')).status).toBe(405);
  });

  it('encoded uids are matched after decoding, and the admin API sets faults in-process', async () => {
    const t = setup();
    const uid = '고객/1?x';
    await t.issue(uid, body);
    t.sandbox.admin.setFault(uid, 'http_500');
    const client = new IamportClient({
      baseUrl: BASE,
      impKey: SANDBOX_IMP_KEY,
      impSecret: SANDBOX_IMP_SECRET,
      fetch: (request) => t.sandbox.fetch(request),
      retryDelayMs: 0,
    });
    await expect(client.getBillingKey(uid)).rejects.toBeInstanceOf(IamportUnavailableError);
    await expect(client.getBillingKeys(['other', uid])).rejects.toBeInstanceOf(IamportUnavailableError);
    expect(t.sandbox.admin.clearFault(uid)).toBe(true);
    expect((await client.getBillingKey(uid)).customer_uid).toBe(uid);
  });
});
