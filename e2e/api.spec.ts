import { expect, test } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { E2E } from './ports';

// A phone agent's signed-in session (e2e/auth.setup.ts).
test.use({ storageState: E2E.storageState('agent') });

const issue = (card: string, extra: Record<string, string> = {}) => ({
  customer_uid: uniqueUid('api'),
  pg: 'nice.nictest04m',
  card_number: card,
  expiry: '2030-12',
  ...extra,
});

test.describe('the issuance API follows the error contract', () => {
  test('[API] answers 201 with masked data only, and no-store', async ({ request }) => {
    const body = issue(CARDS.kbCheck, { birth: '880101', pwd_2digit: '12' });
    const response = await request.post('/api/billing-keys', { data: body });
    expect(response.status()).toBe(201);
    expect(response.headers()['cache-control']).toBe('no-store');
    const json = await response.json();
    expect(json).toMatchObject({
      replaced: false,
      mode: 'sandbox',
      billingKey: { customerUid: body.customer_uid, cardNumberMasked: '52728900****0004' },
    });
    const text = JSON.stringify(json);
    expect(text).not.toContain('5272890000000004');
    expect(text).not.toContain('5272-8900-0000-0004');
    expect(text).not.toContain('880101');
  });

  test.describe('each Iamport failure maps to its status and code', () => {
    const cases: [string, string, number, string, Record<string, unknown>][] = [
      ['invalid card', CARDS.invalidCard, 422, 'card_rejected', { pgCode: 'F112' }],
      ['expired', CARDS.expired, 422, 'card_rejected', { pgCode: 'F113' }],
      ['declined', CARDS.declined, 422, 'card_rejected', { pgCode: 'F114' }],
      [
        'no key-in module',
        CARDS.noKeyInModule,
        422,
        'card_rejected',
        { iamportCode: 1, iamportMessage: '비인증결제모듈 사용정보를 찾을 수 없습니다.' },
      ],
      ['HTTP 500', CARDS.http500, 504, 'outcome_unknown', {}],
      ['HTML error page', CARDS.htmlError, 504, 'outcome_unknown', {}],
      ['truncated JSON', CARDS.truncatedJson, 504, 'outcome_unknown', {}],
      ['connection dropped', CARDS.connectionDrop, 504, 'outcome_unknown', {}],
    ];
    for (const [name, card, status, code, details] of cases) {
      test(`[API] ${name} → ${status} ${code}`, async ({ request }) => {
        const response = await request.post('/api/billing-keys', { data: issue(card) });
        expect(response.status()).toBe(status);
        expect(response.headers()['cache-control']).toBe('no-store');
        const { error } = await response.json();
        expect(error.code).toBe(code);
        expect(error).toMatchObject(details);
        expect(error.message).toMatch(/[가-힣]/);
        expect(JSON.stringify(error)).not.toContain(card.replace(/-/g, ''));
      });
    }
  });

  test('[API] a token expiring mid-flight is refreshed transparently', async ({ request }) => {
    const response = await request.post('/api/billing-keys', { data: issue(CARDS.tokenExpiry) });
    expect(response.status()).toBe(201);
  });

  test('[API] the password-check card needs the right pwd_2digit and birth', async ({ request }) => {
    const wrong = await request.post('/api/billing-keys', {
      data: issue(CARDS.passwordCheck, { pwd_2digit: '99', birth: '880101' }),
    });
    expect(wrong.status()).toBe(422);
    expect((await wrong.json()).error.iamportMessage).toContain('비밀번호');
    const right = await request.post('/api/billing-keys', {
      data: issue(CARDS.passwordCheck, { pwd_2digit: '12', birth: '880101' }),
    });
    expect(right.status()).toBe(201);
  });

  test('[API] re-issuing to a held customer_uid needs replace_confirmed (409 otherwise)', async ({ request }) => {
    const body = issue(CARDS.kbCheck);
    expect((await request.post('/api/billing-keys', { data: body })).status()).toBe(201);
    const unconfirmed = await request.post('/api/billing-keys', {
      data: { ...body, card_number: CARDS.shinhanCredit },
    });
    expect(unconfirmed.status()).toBe(409);
    const { error } = await unconfirmed.json();
    expect(error.code).toBe('replacement_unconfirmed');
    expect(error.existing.cardNumberMasked).toBe('52728900****0004');
    const current = await request.get(`/api/billing-keys/${encodeURIComponent(body.customer_uid)}/current`);
    expect((await current.json()).current).toMatchObject({ source: 'stored', billingKey: { cardName: '국민KB카드' } });
    const confirmed = await request.post('/api/billing-keys', {
      data: { ...body, card_number: CARDS.shinhanCredit, replace_confirmed: true },
    });
    expect(confirmed.status()).toBe(200);
    expect((await confirmed.json()).replaced).toBe(true);
  });

  test('[API] bad input gets 422 with a message per field', async ({ request }) => {
    const response = await request.post('/api/billing-keys', {
      data: { customer_uid: '', pg: 'kakaopay', card_number: '1234', expiry: '2020-01', customer_email: 'x' },
    });
    expect(response.status()).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields).sort()).toEqual(['card_number', 'customer_email', 'customer_uid', 'expiry', 'pg']);
    expect(error.fields.pg).toContain('API(키인) 방식으로 빌링키를 발급할 수 없습니다');
  });

  test('[API] a state-changing request from a foreign Origin is refused', async ({ request }) => {
    const response = await request.post('/api/billing-keys', {
      data: issue(CARDS.kbCheck),
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  test('[API] every answer carries the security headers', async ({ request }) => {
    const page = await request.get('/keys/new');
    const csp = page.headers()['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers()['x-content-type-options']).toBe('nosniff');
    expect(page.headers()['referrer-policy']).toBe('no-referrer');
    expect(page.headers()['strict-transport-security']).toContain('max-age=');
    expect(page.headers()['cache-control']).toContain('no-store');
    // Scripts by per-request nonce only (Next.js puts it on its own scripts), never 'unsafe-inline'.
    const script = (csp ?? '').split(';').find((part) => part.trim().startsWith('script-src'));
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(script).not.toContain('unsafe-inline');
    const again = (await request.get('/keys/new')).headers()['content-security-policy'];
    expect(again?.match(/'nonce-([^']+)'/)?.[1]).not.toBe(csp?.match(/'nonce-([^']+)'/)?.[1]);
    const api = await request.get('/api/channels');
    expect(api.headers()['cache-control']).toBe('no-store');
    expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  test('[API] pages run under the nonce policy: every script carries the nonce, no CSP violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto('/keys/new');
    const nonce = response!.headers()['content-security-policy']!.match(/'nonce-([^']+)'/)![1];
    await expect(page.getByRole('button', { name: '빌링키 발급' })).toBeVisible();
    const scripts = await page.evaluate(() =>
      [...document.querySelectorAll('script')].map((element) => (element as HTMLScriptElement).nonce),
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((value) => value === nonce)).toBe(true);
    expect(violations).toEqual([]);
  });

  test('[API] malformed bodies get 400/415, never 500', async ({ request }) => {
    const notJson = await request.post('/api/billing-keys', {
      data: Buffer.from('{"customer_uid":'),
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.code).toBe('invalid_json');
    const form = await request.post('/api/billing-keys', { form: { customer_uid: 'x' } });
    expect(form.status()).toBe(415);
    const array = await request.post('/api/billing-keys', { data: [1, 2] });
    expect(array.status()).toBe(422);
  });

  test('[API] looks a key up by customer_uid, encoded', async ({ request }) => {
    const uid = `조회 테스트/${uniqueUid('lookup')}?x`;
    const created = await request.post('/api/billing-keys', {
      data: { ...issue(CARDS.shinhanCredit), customer_uid: uid },
    });
    expect(created.status()).toBe(201);
    const found = await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`);
    expect(found.status()).toBe(200);
    expect((await found.json()).billingKey.customerUid).toBe(uid);
    const missing = await request.get(`/api/billing-keys/${encodeURIComponent(uniqueUid('missing'))}`);
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  test('[API] lists channels with the key-in ones marked', async ({ request }) => {
    const response = await request.get('/api/channels');
    expect(response.status()).toBe(200);
    const { channels } = await response.json();
    const providers = channels
      .filter((channel: { keyIn: boolean }) => channel.keyIn)
      .map((channel: { pgProvider: string }) => channel.pgProvider);
    expect(providers).toEqual(expect.arrayContaining(['nice', 'kcp', 'tosspayments', 'ksnet', 'welcome']));
    expect(channels.some((channel: { keyIn: boolean }) => !channel.keyIn)).toBe(true);
  });
});
