import { describe, expect, it } from 'vitest';
import { CARDS, readJson, setup } from '@/lib/testing/sandbox';

describe('sandbox getToken (docs/iamport.md §2)', () => {
  it('issues a 40-hex token that lives 1800 s and is reused while valid', async () => {
    const t = setup();
    const first = await t.tokenResponse();
    expect(first.code).toBe(0);
    expect(first.response?.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(first.response!.expired_at - first.response!.now).toBe(1800);
    expect(first.response!.now).toBe(t.nowSeconds());

    t.advance(600_000);
    const again = await t.tokenResponse();
    expect(again.response?.access_token).toBe(first.response?.access_token);
    expect(again.response?.expired_at).toBe(first.response?.expired_at);
    expect(again.response!.expired_at - again.response!.now).toBe(1200);
  });

  it('extends expired_at by 300 s when asked within the last minute, keeping the token', async () => {
    const t = setup();
    const first = (await t.tokenResponse()).response!;
    t.advance((1800 - 30) * 1000);
    const extended = (await t.tokenResponse()).response!;
    expect(extended.access_token).toBe(first.access_token);
    expect(extended.expired_at).toBe(first.expired_at + 300);
    // A second ask right after does not extend again.
    const same = (await t.tokenResponse()).response!;
    expect(same.expired_at).toBe(first.expired_at + 300);
  });

  it('does not extend when more than a minute is left', async () => {
    const t = setup();
    const first = (await t.tokenResponse()).response!;
    t.advance((1800 - 61) * 1000);
    expect((await t.tokenResponse()).response!.expired_at).toBe(first.expired_at);
  });

  it('issues a new token after expiry, and the old one is refused', async () => {
    const t = setup();
    const first = (await t.tokenResponse()).response!;
    t.advance(1800_000);
    const old = await t.call('GET', '/users/pg', { token: first.access_token });
    expect(old.status).toBe(401);
    const next = (await t.tokenResponse()).response!;
    expect(next.access_token).not.toBe(first.access_token);
    expect(next.expired_at - next.now).toBe(1800);
  });

  it.each([
    [
      'answers 401 with the exact message for a wrong pair',
      { imp_key: 'imp_sandbox_key', imp_secret: 'nope' },
      401,
      '인증에 실패하였습니다. API키와 secret을 확인하세요.',
    ],
    [
      'answers 400 when the key or secret is missing',
      { imp_key: 'imp_sandbox_key' },
      400,
      'imp_key, imp_secret 파라메터가 누락되었습니다.',
    ],
  ])('%s', async (_title, json, status, message) => {
    const t = setup();
    const res = await t.call('POST', '/users/getToken', { json });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ code: -1, message, response: null });
  });

  it('accepts a form-encoded body', async () => {
    const t = setup();
    const res = await t.call('POST', '/users/getToken', {
      form: { imp_key: 'imp_sandbox_key', imp_secret: 'imp_sandbox_secret' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await readJson<{ access_token: string }>(res)).response?.access_token).toMatch(/^[0-9a-f]{40}$/);
  });

  it('accepts credentials configured in the options only', async () => {
    const t = setup({ credentials: [{ impKey: 'k', impSecret: 's' }] });
    expect((await t.call('POST', '/users/getToken', { json: { imp_key: 'k', imp_secret: 's' } })).status).toBe(200);
    const defaults = await t.call('POST', '/users/getToken', {
      json: { imp_key: 'imp_sandbox_key', imp_secret: 'imp_sandbox_secret' },
    });
    expect(defaults.status).toBe(401);
  });
});

describe('sandbox token headers', () => {
  it('accepts Bearer, the raw token and X-ImpTokenHeader', async () => {
    const t = setup();
    const token = await t.token();
    const forms: Record<string, string>[] = [
      { authorization: `Bearer ${token}` },
      { authorization: token },
      { 'x-imptokenheader': token },
    ];
    for (const headers of forms) {
      const res = await t.call('GET', '/users/pg', { headers });
      expect(res.status, JSON.stringify(Object.keys(headers))).toBe(200);
    }
  });

  it('lets Authorization win over X-ImpTokenHeader', async () => {
    const t = setup();
    const token = await t.token();
    const wrongAuth = await t.call('GET', '/users/pg', {
      headers: { authorization: 'Bearer deadbeef', 'x-imptokenheader': token },
    });
    expect(wrongAuth.status).toBe(401);
    const rightAuth = await t.call('GET', '/users/pg', {
      headers: { authorization: token, 'x-imptokenheader': 'deadbeef' },
    });
    expect(rightAuth.status).toBe(200);
  });

  it('answers the 401 envelope for a missing or unknown token', async () => {
    const t = setup();
    const forms: Record<string, string>[] = [{}, { authorization: 'Bearer 0000000000000000000000000000000000000000' }];
    for (const headers of forms) {
      const res = await t.call('GET', '/subscribe/customers/x', { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ code: -1, message: 'Unauthorized', response: null });
    }
  });

  it('answers 401 for a malformed Tier header', async () => {
    const t = setup();
    const res = await t.call('GET', '/users/pg', { token: await t.token(), headers: { tier: 'ABCD' } });
    expect(res.status).toBe(401);
  });
});

describe('sandbox Tier partitioning', () => {
  it('hides a key issued under a tier from the merchant and from other tiers', async () => {
    const t = setup();
    const issued = await t.issue('tiered', { card_number: CARDS.kbCheck, expiry: '2030-12' }, { tier: 'AB1' });
    expect(issued.body.code).toBe(0);
    const token = await t.token();
    expect((await t.call('GET', '/subscribe/customers/tiered', { token, headers: { tier: 'AB1' } })).status).toBe(200);
    expect((await t.call('GET', '/subscribe/customers/tiered', { token })).status).toBe(404);
    expect((await t.call('GET', '/subscribe/customers/tiered', { token, headers: { tier: 'XY2' } })).status).toBe(404);
    expect(await t.sandbox.admin.getKey('tiered', 'AB1')).toBeDefined();
    expect(await t.sandbox.admin.getKey('tiered')).toBeUndefined();
  });
});
