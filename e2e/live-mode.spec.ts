import { expect, test, type APIRequestContext } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { cardNumberInput, expiryInput, fillCard, openIssueForm, submitButton, uidInput } from './helpers';
import { E2E } from './ports';

// A phone agent's signed-in session (e2e/auth.setup.ts).
test.use({ storageState: E2E.storageState('agent') });

test.use({ baseURL: E2E.liveAppUrl });

interface SandboxStats {
  getToken: number;
  issue: number;
  [name: string]: number;
}

async function sandboxStats(request: APIRequestContext): Promise<SandboxStats> {
  const response = await request.get(`${E2E.sandboxUrl}/__sandbox/stats`);
  expect(response.ok()).toBe(true);
  return response.json();
}

test.describe('live mode: the app talks to Iamport over HTTP (the sandbox served by npm run sandbox)', () => {
  test.describe.configure({ mode: 'serial' });

  test('[LIVE] issues a key over real HTTP and shows it as a card', async ({ page, request }) => {
    const before = await sandboxStats(request);
    await openIssueForm(page);
    await expect(page.getByRole('region', { name: '샌드박스 모드 안내' })).toHaveCount(0);
    await expect(page.getByText('LIVE · 실제 Iamport')).toBeVisible();
    const uid = uniqueUid('live');
    await fillCard(page, { uid, card: CARDS.kbCheck });
    await submitButton(page).click();
    const card = page.getByRole('region', { name: '새 빌링키가 발급되었습니다' });
    await expect(card).toContainText('52728900****0004');
    await expect(card).toContainText(uid);
    const after = await sandboxStats(request);
    expect(after.issue - before.issue).toBeGreaterThanOrEqual(1); // other tests may issue meanwhile
    // The key really is at "Iamport": the sandbox has it.
    const stored = await request.get(`${E2E.sandboxUrl}/__sandbox/keys/${encodeURIComponent(uid)}`);
    expect(stored.status()).toBe(200);
  });

  test('[LIVE] bad input never reaches Iamport', async ({ page, request }) => {
    const uid = uniqueUid('live_bad');
    await openIssueForm(page);
    await uidInput(page).fill(uid);
    await cardNumberInput(page).pressSequentially('5272890000000005');
    await expiryInput(page).pressSequentially('201901');
    await submitButton(page).click();
    await expect(cardNumberInput(page)).toHaveAttribute('aria-invalid', 'true');
    const api = await request.post('/api/billing-keys', {
      data: { customer_uid: uid, pg: 'nice', card_number: '5272890000000005', expiry: '2030-12' },
    });
    expect(api.status()).toBe(422);
    // The sandbox counts every call naming this customer_uid: the issuance endpoint never saw it.
    const calls = await request.get(`${E2E.sandboxUrl}/__sandbox/calls/${encodeURIComponent(uid)}`);
    expect((await calls.json()).calls.issue ?? 0).toBe(0);
    // …while a good card for the same uid does reach it (the counter works).
    const good = await request.post('/api/billing-keys', {
      data: { customer_uid: uid, pg: 'nice', card_number: CARDS.kbCheck, expiry: '2030-12' },
    });
    expect(good.status()).toBe(201);
    const after = await request.get(`${E2E.sandboxUrl}/__sandbox/calls/${encodeURIComponent(uid)}`);
    expect((await after.json()).calls.issue).toBe(1);
  });

  test('[LIVE] a PG rejection over HTTP shows the message', async ({ page }) => {
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('live_declined'), card: CARDS.invalidCard });
    await submitButton(page).click();
    const panel = page.getByRole('region', { name: '발급 거절' });
    await expect(panel.getByText('F112', { exact: true })).toBeVisible();
    await expect(panel).toContainText('유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)');
  });

  test('[LIVE] a connection dropped mid-response leaves the outcome unknown (the key may exist), not a crash', async ({
    request,
  }) => {
    const response = await request.post('/api/billing-keys', {
      data: { customer_uid: uniqueUid('live_drop'), pg: 'nice', card_number: CARDS.connectionDrop, expiry: '2030-12' },
    });
    expect(response.status()).toBe(504);
    expect((await response.json()).error.code).toBe('outcome_unknown');
  });
});
