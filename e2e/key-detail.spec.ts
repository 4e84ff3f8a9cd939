import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { expectNoAxeViolations, expectTooltipOnFocus } from './helpers';
import { E2E } from './ports';

// The live-mode app: its Iamport is the standalone sandbox, which the tests change behind its back.
test.use({ baseURL: E2E.liveAppUrl });

const detailPath = (uid: string) => `/keys/${encodeURIComponent(uid)}`;
const sandboxKey = (uid: string) => `${E2E.sandboxUrl}/__sandbox/keys/${encodeURIComponent(uid)}`;
const sandboxFault = (uid: string) => `${E2E.sandboxUrl}/__sandbox/faults/${encodeURIComponent(uid)}`;

async function seedKey(request: APIRequestContext, prefix: string, card: string = CARDS.kbCheck): Promise<string> {
  const uid = uniqueUid(prefix);
  const response = await request.post('/api/billing-keys', {
    data: { customer_uid: uid, pg: 'nice.nictest04m', card_number: card, expiry: '2030-12', customer_name: '홍길동' },
  });
  expect(response.status()).toBe(201);
  return uid;
}

const liveStatus = (page: Page) => page.getByRole('region', { name: 'Iamport 실시간 상태' });
const comparison = (page: Page) => page.getByRole('table', { name: /항목별 비교/ });
const comparisonRow = (page: Page, label: string) =>
  comparison(page).getByRole('row', { name: new RegExp(`^${label}`) });

/** Presses Tab until `target` has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('element not reachable with Tab');
}

test.describe('billing-key detail: stored record beside the live one', () => {
  test('[DETAIL] shows the stored and live key as equal, with attempts and audit trail', async ({ page, request }) => {
    const uid = await seedKey(request, 'detail_same');
    await page.goto(detailPath(uid));
    await expect(page.getByRole('heading', { level: 1, name: '빌링키 상세' })).toBeVisible();
    await expect(liveStatus(page)).toContainText('Iamport와 일치');
    await expect(comparisonRow(page, '카드번호 \\(마스킹\\)')).toContainText('52728900****0004');
    await expect(comparisonRow(page, '카드번호 \\(마스킹\\)')).toContainText('같음');
    await expect(comparison(page)).not.toContainText('Iamport에서 변경됨');
    await expect(page.getByRole('table', { name: /이 빌링키의 발급 시도/ })).toContainText('발급됨');
    const audit = page.getByRole('table', { name: /작업 기록/ });
    await expect(audit).toContainText('Iamport 조회');
    await expect(audit).toContainText('billing_key.issue');
    await expectNoAxeViolations(page);

    const api = await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`);
    expect(api.status()).toBe(200);
    const body = await api.json();
    expect(body).toMatchObject({
      liveStatus: 'present',
      differences: [],
      billingKey: { customerUid: uid, cardNumberMasked: '52728900****0004' },
      stored: { customerUid: uid, status: 'active', liveState: 'same', appMode: 'live' },
    });
  });

  test('[DETAIL] highlights a card replaced at Iamport behind the app’s back', async ({ page, request }) => {
    const uid = await seedKey(request, 'detail_changed');
    const live = await (await request.get(sandboxKey(uid))).json();
    const replaced = await request.put(sandboxKey(uid), {
      data: {
        card_number: '4518420000000007',
        card_code: '366',
        card_name: '신한카드',
        card_type: 0,
        updated: live.response.updated + 120,
      },
    });
    expect(replaced.status()).toBe(200);

    await page.goto(detailPath(uid));
    await expect(liveStatus(page)).toContainText('Iamport에서 변경됨');
    const cardRow = comparisonRow(page, '카드번호 \\(마스킹\\)');
    await expect(cardRow).toContainText('52728900****0004');
    await expect(cardRow).toContainText('45184200****0007');
    await expect(cardRow).toContainText('Iamport에서 변경됨');
    await expect(comparisonRow(page, '카드사 코드')).toContainText('Iamport에서 변경됨');
    await expect(comparisonRow(page, '마지막 변경')).toContainText('Iamport에서 변경됨');
    await expect(comparisonRow(page, '카드 소유자 이름')).not.toContainText('Iamport에서 변경됨');
    await expectNoAxeViolations(page);

    const body = await (await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`)).json();
    expect(body.differences).toEqual(expect.arrayContaining(['cardNumberMasked', 'cardCode', 'updatedAt']));
    expect(body.stored.liveState).toBe('changed');
  });

  test('[DETAIL] says "Iamport에 없음" for a key deleted at Iamport behind the app’s back', async ({
    page,
    request,
  }) => {
    const uid = await seedKey(request, 'detail_gone');
    expect((await request.delete(sandboxKey(uid))).status()).toBe(200);
    await page.goto(detailPath(uid));
    await expect(liveStatus(page)).toContainText('Iamport에 없음');
    await expect(comparisonRow(page, '카드번호 \\(마스킹\\)')).toContainText('52728900****0004');
    const body = await (await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`)).json();
    expect(body).toMatchObject({
      liveStatus: 'missing',
      billingKey: null,
      stored: { liveState: 'missing', status: 'active' },
    });
  });

  test('[DETAIL] when Iamport is down for this key, the stored record still shows, marked unavailable', async ({
    page,
    request,
  }) => {
    const uid = await seedKey(request, 'detail_down');
    expect((await request.put(sandboxFault(uid), { data: { kind: 'http_500' } })).status()).toBe(200);
    try {
      await page.goto(detailPath(uid));
      await expect(liveStatus(page)).toContainText('실시간 상태를 확인할 수 없음');
      await expect(comparisonRow(page, '카드번호 \\(마스킹\\)')).toContainText('52728900****0004');
      await expect(comparisonRow(page, '카드번호 \\(마스킹\\)')).toContainText('확인할 수 없음');
      await expectNoAxeViolations(page);
      for (const kind of ['html_error', 'connection_drop']) {
        await request.put(sandboxFault(uid), { data: { kind } });
        const response = await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`);
        expect(response.status()).toBe(200);
        expect(await response.json()).toMatchObject({
          liveStatus: 'unavailable',
          billingKey: null,
          stored: { customerUid: uid, liveState: 'same' },
        });
      }
    } finally {
      await request.delete(sandboxFault(uid));
    }
    const after = await (await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`)).json();
    expect(after.liveStatus).toBe('present');
  });

  test('[DETAIL] a key that exists only at Iamport is shown as live-only', async ({ page, request }) => {
    const uid = uniqueUid('detail_liveonly');
    expect(
      (
        await request.put(sandboxKey(uid), {
          data: { card_number: '5310700000000009', card_name: '삼성카드', card_code: '365', card_type: 0 },
        })
      ).status(),
    ).toBe(200);
    await page.goto(detailPath(uid));
    await expect(liveStatus(page)).toContainText('Iamport에만 있음');
    const cardName = comparisonRow(page, '카드사 (?!코드)');
    await expect(cardName).toContainText('삼성카드');
    await expect(cardName).toContainText('기록 없음');
    const body = await (await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`)).json();
    expect(body).toMatchObject({ stored: null, liveStatus: 'present', billingKey: { customerUid: uid } });
  });

  test('[DETAIL] an unknown customer_uid gets a friendly 404 page', async ({ page, request }) => {
    const uid = uniqueUid('detail_nowhere');
    const response = await page.goto(detailPath(uid));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '빌링키를 찾을 수 없습니다' })).toBeVisible();
    await expect(page.getByRole('link', { name: '발급 시도' }).last()).toBeVisible();
    await expectNoAxeViolations(page);
    const api = await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });
});

test.describe('billing-key detail: people, not ids', () => {
  test('[DETAIL] names who issued and who replaced the card by email, the account id on keyboard focus', async ({
    page,
    request,
  }) => {
    const email = E2E.staffEmail('admin');
    const uid = await seedKey(request, 'detail_people');
    const replaced = await request.post('/api/billing-keys', {
      data: {
        customer_uid: uid,
        pg: 'nice.nictest04m',
        card_number: CARDS.shinhanCredit,
        expiry: '2030-12',
        replace_confirmed: true,
      },
    });
    expect(replaced.status(), await replaced.text()).toBe(200);
    const { actor } = (await (await request.get('/api/account')).json()) as { actor: { id: string } };

    await page.goto(detailPath(uid));
    const history = page.getByRole('table', { name: /교체되기 전 카드/ });
    await expect(history).toContainText('52728900****0004');
    await expect(history).not.toContainText(actor.id);
    const replacer = history.getByText(email, { exact: true });
    await expectTooltipOnFocus(page, replacer, `${email} · 계정 ID ${actor.id}`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await expect(page.getByLabel('콘솔 기록', { exact: true })).toContainText(email);
    await expectNoAxeViolations(page);

    const body = await (await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`)).json();
    expect(body.history).toMatchObject([{ replacedBy: actor.id, replacedByEmail: email }]);
    expect(body.stored).toMatchObject({ issuedBy: actor.id, issuedByEmail: email });
  });
});

test.describe('deleting a billing key', () => {
  test('[DELETE] keyboard only: reason required, the dialog names the card, then the key shows as deleted', async ({
    page,
    request,
  }) => {
    const uid = await seedKey(request, 'delete_kbd');
    const { billingKey } = await (await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`)).json();
    await page.goto(detailPath(uid));
    const reason = page.getByRole('textbox', { name: /^삭제 사유/ });
    const trigger = page.getByRole('button', { name: '빌링키 삭제…' });

    // Empty reason: a message tied to the field, and no dialog.
    await tabTo(page, trigger);
    await page.keyboard.press('Enter');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(reason).toBeFocused();
    const errorId = (await reason.getAttribute('aria-describedby'))?.split(' ')[0];
    await expect(page.locator(`[id="${errorId}"]`)).toHaveText('삭제 사유를 입력하세요.');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);

    await page.keyboard.type('a');
    await page.keyboard.press('Enter');
    await expect(page.locator(`[id="${errorId}"]`)).toHaveText('삭제 사유는 2자 이상 입력하세요.');

    await page.keyboard.press('Backspace');
    await page.keyboard.type('고객 요청으로 해지');
    await expect(reason).toHaveAttribute('aria-invalid', 'false');
    await page.keyboard.press('Tab');
    await expect(trigger).toBeFocused();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('alertdialog', { name: '빌링키를 삭제할까요?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(billingKey.cardName);
    await expect(dialog).toContainText('52728900****0004');
    await expect(dialog).toContainText(uid);
    await expect(dialog).toContainText('고객 요청으로 해지');
    await expect(dialog.getByRole('button', { name: '취소' })).toBeFocused();
    await expectNoAxeViolations(page);

    // Escape cancels and gives focus back; nothing was deleted.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
    expect((await request.get(sandboxKey(uid))).status()).toBe(200);

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: '삭제', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('status').filter({ hasText: '빌링키를 Iamport에서 삭제하고' })).toBeVisible();
    const deleted = page.getByRole('region', { name: '삭제된 빌링키' });
    await expect(deleted).toContainText('고객 요청으로 해지');
    await expect(deleted).toContainText(E2E.staffEmail('admin'));
    await expect(deleted).toContainText('KST');
    await expect(liveStatus(page)).toContainText('삭제됨');
    await expect(page.getByRole('button', { name: '빌링키 삭제…' })).toHaveCount(0);
    await expect(page.getByRole('table', { name: /작업 기록/ })).toContainText('사유: 고객 요청으로 해지');
    expect((await request.get(sandboxKey(uid))).status()).toBe(404);

    // Still visible as deleted after a reload.
    await page.reload();
    await expect(page.getByRole('region', { name: '삭제된 빌링키' })).toContainText('고객 요청으로 해지');
    await expectNoAxeViolations(page);
  });

  test('[DELETE] the API requires a reason, and marks a key already gone at Iamport as deleted', async ({
    request,
  }) => {
    const uid = await seedKey(request, 'delete_api');
    const path = `/api/billing-keys/${encodeURIComponent(uid)}`;
    const missingReason = await request.delete(path, { data: {} });
    expect(missingReason.status()).toBe(422);
    const { error } = await missingReason.json();
    expect(error).toMatchObject({ code: 'validation_failed', fields: { reason: '삭제 사유를 입력하세요.' } });
    const tooLong = await request.delete(path, { data: { reason: '가'.repeat(201) } });
    expect((await tooLong.json()).error.fields.reason).toBe('삭제 사유는 200자 이하로 입력하세요.');
    expect((await request.get(sandboxKey(uid))).status()).toBe(200);

    await request.delete(sandboxKey(uid));
    const gone = await request.delete(path, { data: { reason: '이미 해지된 카드' } });
    expect(gone.status()).toBe(200);
    expect(await gone.json()).toMatchObject({
      customerUid: uid,
      notFoundAtIamport: true,
      stored: { status: 'deleted', deleteReason: '이미 해지된 카드' },
    });

    const unknown = await request.delete(`/api/billing-keys/${encodeURIComponent(uniqueUid('delete_none'))}`, {
      data: { reason: '정리' },
    });
    expect(unknown.status()).toBe(404);
  });

  test('[DELETE] Iamport down: the key stays active and the error is shown', async ({ page, request }) => {
    const uid = await seedKey(request, 'delete_down');
    await page.goto(detailPath(uid));
    await request.put(sandboxFault(uid), { data: { kind: 'html_error' } });
    try {
      await page.getByRole('textbox', { name: /^삭제 사유/ }).fill('고객 요청');
      await page.getByRole('button', { name: '빌링키 삭제…' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: '삭제', exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: '삭제하지 못했습니다' })).toContainText(
        'Iamport에 연결할 수 없거나',
      );
    } finally {
      await request.delete(sandboxFault(uid));
    }
    const body = await (await request.get(`/api/billing-keys/${encodeURIComponent(uid)}`)).json();
    expect(body.stored.status).toBe('active');
  });
});
