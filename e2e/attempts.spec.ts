import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { expectNoAxeViolations } from './helpers';
import { E2E } from './ports';

test.use({ baseURL: E2E.liveAppUrl });

async function attempt(request: APIRequestContext, uid: string, card: string, extra: Record<string, unknown> = {}) {
  return request.post('/api/billing-keys', {
    data: {
      customer_uid: uid,
      pg: 'nice.nictest04m',
      card_number: card,
      expiry: '2030-12',
      customer_name: '홍길동',
      ...extra,
    },
  });
}

/** Today's date in Seoul, as the filters take it. */
function kstDate(offsetDays = 0): string {
  return new Date(Date.now() + 9 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test.describe('issuance attempts', () => {
  test('[ATTEMPTS] filters rejected attempts by outcome and PG code F114', async ({ page, request }) => {
    const declined = uniqueUid('att_declined');
    const issued = uniqueUid('att_issued');
    expect((await attempt(request, declined, CARDS.declined)).status()).toBe(422);
    expect((await attempt(request, issued, CARDS.kbCheck)).status()).toBe(201);

    await page.goto('/attempts');
    await expect(page.getByRole('heading', { level: 1, name: '발급 시도' })).toBeVisible();
    await expect(page.getByText(/^콘솔에서 보낸 모든 빌링키 발급 요청과 그 결과입니다/)).toBeVisible();
    await page.getByRole('combobox', { name: '결과' }).selectOption('rejected');
    // Typed in lower case: PG reason codes are upper case, and the filter reads it so.
    await page.getByRole('textbox', { name: /^PG 코드/ }).fill('f114');
    await page.getByRole('button', { name: '조회' }).click();
    await expect(page).toHaveURL(/outcome=rejected/);
    await expect(page).toHaveURL(/pg_code=f114/);

    const table = page.getByRole('table', { name: '발급 시도 목록, 최신 순' });
    const row = table.getByRole('row', { name: new RegExp(declined) });
    await expect(row).toContainText('거절');
    await expect(row).toContainText('F114');
    await expect(row).toContainText('[F114]해당카드 사용불가 가맹점');
    await expect(row).toContainText('nice / nictest04m');
    await expect(row).toContainText('KST');
    await expect(table.getByRole('row', { name: new RegExp(issued) })).toHaveCount(0);
    for (const badge of await table.locator('tbody tr td:nth-child(4)').allTextContents())
      expect(badge).toContain('거절');
    // The filters stay in the form.
    await expect(page.getByRole('combobox', { name: '결과' })).toHaveValue('rejected');
    await expect(page.getByRole('textbox', { name: /^PG 코드/ })).toHaveValue('f114');
    await expectNoAxeViolations(page);

    // The customer_uid links to its detail page.
    await page.goto(`/attempts?customer_uid=${encodeURIComponent(issued)}`);
    await page.getByRole('link', { name: issued, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/keys/${issued}$`));
    await expect(page.getByRole('heading', { level: 1, name: '빌링키 상세' })).toBeVisible();
  });

  test('[ATTEMPTS] a replacement shows as a replacement, a first issue as an issue', async ({ page, request }) => {
    const uid = uniqueUid('att_replace');
    expect((await attempt(request, uid, CARDS.kbCheck)).status()).toBe(201);
    expect((await attempt(request, uid, CARDS.shinhanCredit, { replace_confirmed: true })).status()).toBe(200);
    const api = await (await request.get(`/api/attempts?customer_uid=${uid}`)).json();
    expect(api.attempts.map((a: { outcome: string; replaced: boolean | null }) => [a.outcome, a.replaced])).toEqual([
      ['issued', true],
      ['issued', false],
    ]);

    await page.goto(`/attempts?customer_uid=${encodeURIComponent(uid)}`);
    const rows = page.getByRole('table', { name: '발급 시도 목록, 최신 순' }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    // Newest first: the replacement, then the first issue.
    await expect(rows.nth(0)).toContainText('교체 발급');
    await expect(rows.nth(0)).toContainText('기존 카드를 새 카드로 바꿈');
    await expect(rows.nth(1)).toContainText('발급됨');
    await expect(rows.nth(1)).not.toContainText('교체');
    await expectNoAxeViolations(page);

    // The outcome filter has replacements on their own.
    await page.getByRole('combobox', { name: '결과' }).selectOption('replaced');
    await page.getByRole('button', { name: '조회' }).click();
    await expect(page).toHaveURL(/outcome=replaced/);
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText('교체 발급');
  });

  test('[ATTEMPTS] bad query parameters: a clear message on the page, 422 on the API', async ({ page, request }) => {
    const response = await page.goto('/attempts?outcome=exploded&from=2026-13-01');
    expect(response?.status()).toBe(200);
    const alert = page.getByRole('alert').filter({ hasText: '검색 조건' });
    await expect(alert).toContainText('검색 조건이 올바르지 않아 조회하지 않았습니다.');
    await expect(alert).toContainText(
      '결과는 issued, replaced, rejected, unknown, failed, pending 중 하나여야 합니다.',
    );
    await expect(alert).toContainText('시작일이 달력에 없는 날짜입니다.');
    await expect(page.getByRole('combobox', { name: '결과' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectNoAxeViolations(page);

    for (const query of [
      'outcome=exploded',
      'limit=abc',
      'from=2026-03-02&to=2026-03-01',
      'cursor=%%%',
      'pg_code=%5BF114%5D',
    ]) {
      const api = await request.get(`/api/attempts?${query}`);
      expect(api.status(), query).toBe(422);
      const { error } = await api.json();
      expect(error.code).toBe('invalid_query');
      expect(error.message).toMatch(/^검색 조건이 올바르지 않습니다/);
      expect(Object.keys(error.fields).length).toBeGreaterThan(0);
    }
  });

  test('[ATTEMPTS] KST date range and keyset pages over the API', async ({ request }) => {
    const uid = uniqueUid('att_pages');
    expect((await attempt(request, uid, CARDS.kbCheck)).status()).toBe(201);
    expect((await attempt(request, uid, CARDS.shinhanCredit, { replace_confirmed: true })).status()).toBe(200);
    expect((await attempt(request, uid, CARDS.invalidCard, { replace_confirmed: true })).status()).toBe(422);

    const today = await (
      await request.get(`/api/attempts?customer_uid=${uid}&from=${kstDate()}&to=${kstDate()}`)
    ).json();
    expect(today.attempts).toHaveLength(3);
    expect(today.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['rejected', 'issued', 'issued']);
    const tomorrow = await (await request.get(`/api/attempts?customer_uid=${uid}&from=${kstDate(1)}`)).json();
    expect(tomorrow.attempts).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const response: APIResponse = await request.get(
        `/api/attempts?customer_uid=${uid}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status()).toBe(200);
      const body: { attempts: { id: string }[]; nextCursor: string | null } = await response.json();
      seen.push(...body.attempts.map((a) => a.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  test('[ATTEMPTS] pages through results with links that keep the filters', async ({ page, request }) => {
    const uid = uniqueUid('att_links');
    for (let i = 0; i < 3; i++) expect((await attempt(request, uid, CARDS.declined)).status()).toBe(422);
    await page.goto(`/attempts?customer_uid=${uid}&limit=2`);
    const table = page.getByRole('table', { name: '발급 시도 목록, 최신 순' });
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await page.getByRole('link', { name: '다음 페이지 (이전 시도)' }).click();
    await expect(page).toHaveURL(new RegExp(`customer_uid=${uid}.*cursor=`));
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(page.getByRole('link', { name: '다음 페이지 (이전 시도)' })).toHaveCount(0);
    await page.getByRole('link', { name: '첫 페이지' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(2);
  });
});

test.describe('issuance attempts, as a phone agent', () => {
  test.use({ storageState: E2E.storageState('agent') });

  test('[ATTEMPTS] the page says an agent sees their own attempts, not all of them', async ({ page }) => {
    await page.goto('/attempts');
    await expect(page.getByRole('heading', { level: 1, name: '발급 시도' })).toBeVisible();
    await expect(page.getByText(/^내가 보낸 빌링키 발급 요청과 그 결과입니다/)).toBeVisible();
    await expect(page.getByText(/콘솔에서 보낸 모든/)).toHaveCount(0);
  });
});
