import { describe, expect, it } from 'vitest';
import { IamportClient } from '../client';
import { IamportNotFoundError } from '../errors';
import type { PaymentsPage } from '../types';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, type SandboxPayment } from './index';
import { BASE, CARDS, readJson, setup } from '@/lib/testing/sandbox';

type Page = Omit<PaymentsPage, 'list'> & { list: SandboxPayment[] };

async function pay(t: ReturnType<typeof setup>, body: Record<string, unknown>, tier?: string) {
  const res = await t.call('POST', '/subscribe/payments/again', {
    token: await t.token(),
    json: body,
    headers: tier ? { tier } : undefined,
  });
  return { status: res.status, body: await readJson<SandboxPayment>(res) };
}

async function page(t: ReturnType<typeof setup>, uid: string, query = '') {
  const res = await t.call('GET', `/subscribe/customers/${uid}/payments${query}`, { token: await t.token() });
  return { status: res.status, body: await readJson<Page>(res) };
}

describe('sandbox payments with a billing key', () => {
  it('charges a key with POST /subscribe/payments/again and answers a paid PaymentAnnotation', async () => {
    const t = setup();
    await t.issue('pay-1', { card_number: CARDS.kbCheck, expiry: '2030-12', pg: 'nice' });
    const { status, body } = await pay(t, {
      customer_uid: 'pay-1',
      merchant_uid: 'order-1',
      amount: 9900,
      name: '월간 구독',
      buyer_name: '홍길동',
    });
    expect(status).toBe(200);
    expect(body.code).toBe(0);
    expect(body.response).toMatchObject({
      merchant_uid: 'order-1',
      customer_uid: 'pay-1',
      customer_uid_usage: 'payment',
      pay_method: 'card',
      pg_provider: 'nice',
      pg_id: 'nictest04m',
      card_number: '52728900****0004',
      card_code: '381',
      card_type: 1,
      amount: 9900,
      cancel_amount: 0,
      currency: 'KRW',
      status: 'paid',
      name: '월간 구독',
      buyer_name: '홍길동',
      paid_at: t.nowSeconds(),
      failed_at: 0,
    });
    expect(body.response!.imp_uid).toMatch(/^imps_\d{12}$/);
    expect(t.sandbox.stats().payAgain).toBe(1);
  });

  it('refuses a payment without the required fields, with a bad amount, or for an unknown key', async () => {
    const t = setup();
    const missing = await pay(t, { customer_uid: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('["merchant_uid","amount","name"] 파라메터는 필수입니다.');
    await t.issue('pay-2', { card_number: CARDS.kbCheck, expiry: '2030-12' });
    expect((await pay(t, { customer_uid: 'pay-2', merchant_uid: 'o', amount: -5, name: 'n' })).status).toBe(400);
    expect((await pay(t, { customer_uid: 'pay-2', merchant_uid: 'o'.repeat(41), amount: 5, name: 'n' })).status).toBe(
      400,
    );
    const unknown = await pay(t, { customer_uid: 'nobody', merchant_uid: 'o', amount: 5, name: 'n' });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ code: 1, response: null });
    expect(t.sandbox.admin.payments('pay-2')).toEqual([]);
  });

  it('pages the payments list 20 at a time, newest first, with total, previous and next', async () => {
    const t = setup();
    await t.issue('pay-3', { card_number: CARDS.shinhan, expiry: '2030-12' });
    expect((await page(t, 'pay-3')).body.response).toEqual({ total: 0, previous: 0, next: 0, list: [] });

    for (let i = 1; i <= 45; i++) {
      expect((await pay(t, { customer_uid: 'pay-3', merchant_uid: `o-${i}`, amount: i * 100, name: 'n' })).status).toBe(
        200,
      );
    }
    const first = (await page(t, 'pay-3', '?page=1')).body.response!;
    expect({ ...first, list: first.list.length }).toEqual({ total: 45, previous: 0, next: 2, list: 20 });
    expect(first.list[0]!.merchant_uid).toBe('o-45');
    expect(first.list[19]!.merchant_uid).toBe('o-26');
    const defaultPage = (await page(t, 'pay-3')).body.response!;
    expect(defaultPage.list.map((p) => p.imp_uid)).toEqual(first.list.map((p) => p.imp_uid));

    const second = (await page(t, 'pay-3', '?page=2')).body.response!;
    expect({ ...second, list: second.list.length }).toEqual({ total: 45, previous: 1, next: 3, list: 20 });
    expect(second.list[0]!.merchant_uid).toBe('o-25');
    const third = (await page(t, 'pay-3', '?page=3')).body.response!;
    expect({ ...third, list: third.list.map((p) => p.merchant_uid) }).toEqual({
      total: 45,
      previous: 2,
      next: 0,
      list: ['o-5', 'o-4', 'o-3', 'o-2', 'o-1'],
    });
    const beyond = (await page(t, 'pay-3', '?page=9')).body.response!;
    expect(beyond).toEqual({ total: 45, previous: 8, next: 0, list: [] });

    expect((await page(t, 'pay-3', '?page=0')).status).toBe(400);
    expect((await page(t, 'pay-3', '?page=abc')).status).toBe(400);
  });

  it('has no next page when the total is an exact multiple of 20', async () => {
    const t = setup();
    await t.issue('pay-20', { card_number: CARDS.kbCheck, expiry: '2030-12' });
    for (let i = 0; i < 40; i++) await pay(t, { customer_uid: 'pay-20', merchant_uid: `m${i}`, amount: 10, name: 'n' });
    const first = (await page(t, 'pay-20', '?page=1')).body.response!;
    expect([first.total, first.previous, first.next, first.list.length]).toEqual([40, 0, 2, 20]);
    const second = (await page(t, 'pay-20', '?page=2')).body.response!;
    expect([second.total, second.previous, second.next, second.list.length]).toEqual([40, 1, 0, 20]);
  });

  it('keeps payments per Tier and after the key is deleted; 404 for a uid with neither', async () => {
    const t = setup();
    await t.issue('pay-4', { card_number: CARDS.kbCheck, expiry: '2030-12' }, { tier: 'AB1' });
    expect((await pay(t, { customer_uid: 'pay-4', merchant_uid: 'o', amount: 1000, name: 'n' })).body.code).toBe(1);
    expect((await pay(t, { customer_uid: 'pay-4', merchant_uid: 'o', amount: 1000, name: 'n' }, 'AB1')).body.code).toBe(
      0,
    );
    expect(t.sandbox.admin.payments('pay-4', 'AB1')).toHaveLength(1);
    expect(t.sandbox.admin.payments('pay-4')).toHaveLength(0);
    const token = await t.token();
    await t.call('DELETE', '/subscribe/customers/pay-4', { token, headers: { tier: 'AB1' } });
    const after = await t.call('GET', '/subscribe/customers/pay-4/payments', { token, headers: { tier: 'AB1' } });
    expect((await readJson<Page>(after)).response!.total).toBe(1);
    expect((await page(t, 'pay-4')).status).toBe(404);
  });

  it('is read by the app client page by page', async () => {
    const t = setup();
    await t.issue('pay-5', { card_number: CARDS.kbCheck, expiry: '2030-12' });
    for (let i = 0; i < 21; i++) await pay(t, { customer_uid: 'pay-5', merchant_uid: `m${i}`, amount: 10, name: 'n' });
    const client = new IamportClient({
      baseUrl: BASE,
      impKey: SANDBOX_IMP_KEY,
      impSecret: SANDBOX_IMP_SECRET,
      fetch: (request) => t.sandbox.fetch(request),
    });
    const one = await client.listPayments('pay-5');
    expect([one.total, one.previous, one.next, one.list.length]).toEqual([21, 0, 2, 20]);
    const two = await client.listPayments('pay-5', 2);
    expect([two.total, two.previous, two.next, two.list.length]).toEqual([21, 1, 0, 1]);
    await expect(client.listPayments('nobody')).rejects.toBeInstanceOf(IamportNotFoundError);
  });
});
