import { expect, test } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { E2E } from './ports';

// A phone agent's signed-in session (e2e/auth.setup.ts).
test.use({ storageState: E2E.storageState('agent') });

/**
 * Issue 10, finding 11: the detail page was a 404 for stored uids holding `< = / ? "` (pages get
 * their segment percent-encoded); a lone surrogate in a new customer_uid was a 500.
 */
test('[KEYS] the detail page opens for a customer_uid with < = / ? " and a space, and a lone surrogate is a 422', async ({
  page,
  request,
}) => {
  for (const odd of ['<', '=', '/', '?', '"', ' ']) {
    const uid = `${uniqueUid('odd')}${odd}x`;
    const issued = await request.post('/api/billing-keys', {
      data: { customer_uid: uid, pg: 'nice.nictest04m', card_number: CARDS.kbCheck, expiry: '2030-12' },
    });
    expect(issued.status(), uid).toBe(201);
    const response = await page.goto(`/keys/${encodeURIComponent(uid)}`);
    expect(response?.status(), uid).toBe(200);
    await expect(page.getByText(uid, { exact: true }).first()).toBeVisible();
  }

  const surrogate = await request.post('/api/billing-keys', {
    headers: { 'content-type': 'application/json' },
    data: Buffer.from(
      `{"customer_uid":"${uniqueUid('lone')}\\ud800","pg":"nice.nictest04m","card_number":"${CARDS.kbCheck}","expiry":"2030-12"}`,
    ),
  });
  expect(surrogate.status()).toBe(422);
  expect((await surrogate.json()).error.fields.customer_uid).toMatch(/서로게이트/);
});
