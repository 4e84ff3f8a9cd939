import { readFile } from 'node:fs/promises';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { expectNoAxeViolations, expectTooltipOnFocus, openNavMenu } from './helpers';
import { E2E } from './ports';

/**
 * The audit trail as a reviewer sees it. An admin issues and looks up a key of its own uid first,
 * so every check below filters by that uid and parallel tests never see each other's rows.
 */
test.use({ storageState: E2E.storageState('reviewer') });

const CARD_DIGITS = CARDS.kbCheck.replace(/-/g, '');
const ADMIN_EMAIL = E2E.staffEmail('admin');
let uid: string;

test.beforeAll(async () => {
  uid = uniqueUid('audit');
  const admin = await playwrightRequest.newContext({
    baseURL: E2E.sandboxAppUrl,
    storageState: E2E.storageState('admin'),
  });
  const issued = await admin.post('/api/billing-keys', {
    data: { customer_uid: uid, pg: 'nice.nictest04m', card_number: CARDS.kbCheck, expiry: '2030-12' },
  });
  expect(issued.status(), await issued.text()).toBe(201);
  const lookedUp = await admin.get(`/api/billing-keys/${uid}`);
  expect(lookedUp.status(), await lookedUp.text()).toBe(200);
  await admin.dispose();
});

const table = (page: Page) => page.getByRole('table', { name: /감사 기록/ });
const rows = (page: Page) => table(page).locator('tbody tr');
const actionCodes = (page: Page) => rows(page).locator('td:nth-child(3) span');
const targetInput = (page: Page) => page.getByRole('textbox', { name: '대상' });
const actionSelect = (page: Page) => page.getByRole('combobox', { name: '작업' });

test.describe('audit trail', () => {
  test('[AUDIT] finds an issuance by its target, and keeps the filter in the URL on reload', async ({ page }) => {
    await page.goto('/keys');
    await (await openNavMenu(page, '관리')).getByRole('menuitem', { name: '감사 기록' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('heading', { level: 1, name: '감사 기록' })).toBeVisible();

    await targetInput(page).fill(uid);
    await targetInput(page).press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]target=${uid}(&|$)`));
    await expect(actionCodes(page)).toHaveText(['billing_key.lookup', 'billing_key.issue']);

    const issue = rows(page).filter({ hasText: 'billing_key.issue' });
    await expect(issue).toContainText('빌링키 발급');
    await expect(issue).toContainText(ADMIN_EMAIL);
    await expect(issue).toContainText('성공');
    await expect(issue).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} KST/);
    await expect(issue).toContainText(/카드번호:\s*\d+\*+\d{4}/);
    await expect(issue.getByRole('link', { name: uid })).toHaveAttribute('href', `/keys/${uid}`);
    await expect(table(page)).not.toContainText(CARD_DIGITS);

    await page.reload();
    await expect(targetInput(page)).toHaveValue(uid);
    await expect(actionCodes(page)).toHaveText(['billing_key.lookup', 'billing_key.issue']);
  });

  test('[AUDIT] filters by action and result with the keyboard', async ({ page }) => {
    await page.goto(`/audit?target=${uid}`);
    await actionSelect(page).focus();
    await actionSelect(page).selectOption('billing_key.issue');
    await page.getByRole('button', { name: '조회' }).press('Enter');
    await expect(page).toHaveURL(/[?&]action=billing_key\.issue/);
    await expect(page).toHaveURL(new RegExp(`[?&]target=${uid}`));
    await expect(actionCodes(page)).toHaveText(['billing_key.issue']);
    await page.reload();
    await expect(actionSelect(page)).toHaveValue('billing_key.issue');
    await expect(targetInput(page)).toHaveValue(uid);

    await actionSelect(page).selectOption('billing_key.lookup');
    await page.getByRole('button', { name: '조회' }).press('Enter');
    await expect(actionCodes(page)).toHaveText(['billing_key.lookup']);
    await expect(rows(page)).toContainText('빌링키 조회');

    // By action alone: every row is that action.
    await page.goto('/audit?action=billing_key.issue');
    await expect(actionCodes(page).first()).toBeVisible();
    for (const code of await actionCodes(page).allTextContents()) expect(code).toBe('billing_key.issue');

    await page.goto(`/audit?target=${uid}&result=failure`);
    await expect(page.getByRole('combobox', { name: '결과' })).toHaveValue('failure');
    await expect(page.getByText('조건에 맞는 기록이 없습니다.')).toBeVisible();
  });

  test('[AUDIT] pages with 다음 and 이전', async ({ page }) => {
    await page.goto(`/audit?target=${uid}&limit=1`);
    await expect(actionCodes(page)).toHaveText(['billing_key.lookup']);
    await expect(page.getByRole('link', { name: /^이전/ })).toHaveCount(0);
    await page.getByRole('link', { name: /^다음/ }).click();
    await expect(actionCodes(page)).toHaveText(['billing_key.issue']);
    await expect(page).toHaveURL(/[?&]cursor=/);
    await expect(page.getByRole('link', { name: /^다음/ })).toHaveCount(0);
    await page.getByRole('link', { name: /^이전/ }).click();
    await expect(actionCodes(page)).toHaveText(['billing_key.lookup']);
  });

  test('[AUDIT] CSV download holds the rows and no card number, and the export is itself audited', async ({
    page,
    request,
  }) => {
    await page.goto(`/audit?target=${uid}`);
    const link = page.getByRole('link', { name: 'CSV 내보내기' });
    await expect(link).toHaveAttribute('href', `/api/exports/audit?target=${uid}`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-events-\d{8}-\d{4}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '시각 (KST),수행자,수행자 ID,작업,작업 코드,대상 종류,대상,대상 ID,결과,IP,내용 (JSON),이벤트 ID',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`${ADMIN_EMAIL},`);
    expect(lines[2]).toContain(`,빌링키 발급,billing_key.issue,billing_key,${uid},${uid},성공,`);
    expect(text).not.toContain(CARD_DIGITS);
    expect(text).not.toContain(CARDS.kbCheck);

    const response = await request.get(`/api/exports/audit?target=${uid}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="audit-events-\d{8}-\d{4}\.csv"$/);

    await page.goto(`/audit?action=audit.export&actor=${encodeURIComponent(E2E.staffEmail('reviewer'))}`);
    await expect(rows(page).filter({ hasText: uid }).first()).toContainText('감사 기록 CSV 내보내기');
  });

  test('[AUDIT] the API answers the same filter as JSON, and 422 for a bad one; so does the page', async ({
    page,
    request,
  }) => {
    const response = await request.get(`/api/audit?target=${uid}`);
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(CARD_DIGITS);
    const body = JSON.parse(text) as {
      events: { action: string; actorEmail: string; targetId: string }[];
      nextCursor: string | null;
    };
    expect(body.events.map((event) => event.action)).toEqual(['billing_key.lookup', 'billing_key.issue']);
    expect(body.events.every((event) => event.actorEmail === ADMIN_EMAIL && event.targetId === uid)).toBe(true);
    expect(body.nextCursor).toBeNull();

    const bad = await request.get('/api/audit?result=maybe');
    expect(bad.status()).toBe(422);
    const error = (await bad.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(error.error.code).toBe('invalid_query');
    expect(Object.keys(error.error.fields)).toEqual(['result']);
    expect((await request.get('/api/exports/audit?from=2026-02-30')).status()).toBe(422);

    await page.goto('/audit?from=2026-02-30');
    const alert = page.getByRole('alert').filter({ hasText: '조회 조건이 올바르지 않아' });
    await expect(alert).toContainText('시작일(from)');
    await expect(page.getByLabel('시작일 (KST)')).toHaveAttribute('aria-invalid', 'true');
    await expect(table(page)).toHaveCount(0);
  });

  test('[AUDIT] details read in Korean; a long value is cut, and whole in a tooltip on keyboard focus', async ({
    page,
  }) => {
    await page.goto(`/audit?target=${uid}&action=billing_key.lookup`);
    const lookup = rows(page).first();
    await expect(lookup).toContainText('Iamport 상태: 있음');
    await expect(lookup).toContainText('콘솔 기록: 예');
    await expect(lookup).not.toContainText('liveStatus');

    const actor = lookup.getByRole('link', { name: ADMIN_EMAIL });
    await expect(actor).toHaveAttribute('href', `/audit?actor=${encodeURIComponent(ADMIN_EMAIL)}`);
    await expectTooltipOnFocus(page, actor, ADMIN_EMAIL);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await expect(actor).toBeFocused();
  });

  test('[AUDIT] a staff target shows the email and name, not the account id, which is on hover/focus and in the CSV', async ({
    page,
    request,
  }) => {
    const email = E2E.staffEmail('reviewer');
    const found = await request.get(`/api/audit?action=sign_in&actor=${encodeURIComponent(email)}&limit=1`);
    expect(found.status()).toBe(200);
    const [signIn] = (
      (await found.json()) as { events: { targetType: string; targetId: string; targetStaff: unknown }[] }
    ).events;
    expect(signIn).toMatchObject({ targetType: 'staff', targetStaff: { email } });
    const id = signIn!.targetId;

    await page.goto(`/audit?action=sign_in&target=${encodeURIComponent(id)}&limit=1`);
    const target = rows(page).first().locator('td').nth(3);
    const link = target.getByRole('link', { name: email });
    await expect(link).toHaveAttribute('href', `/audit?target=${encodeURIComponent(id)}`);
    await expect(target).toContainText('직원 · ');
    await expect(target).not.toContainText(id);
    await expectTooltipOnFocus(page, link, `${email} · 계정 ID ${id}`);
    await page.keyboard.press('Escape');
    await expectNoAxeViolations(page);

    const csv = await request.get(`/api/exports/audit?action=sign_in&target=${encodeURIComponent(id)}`);
    expect(csv.status()).toBe(200);
    const line = (await csv.text()).split('\r\n')[1];
    expect(line).toContain(`,로그인,sign_in,staff,${email},${id},`);
  });

  test('[AUDIT] has no axe violations', async ({ page }) => {
    await page.goto(`/audit?target=${uid}`);
    await expect(actionCodes(page)).toHaveCount(2);
    await expectNoAxeViolations(page);
    await page.goto('/audit?result=maybe');
    await expect(page.getByRole('alert').filter({ hasText: '결과(result)' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('audit trail for a phone agent', () => {
  test.use({ storageState: E2E.storageState('agent') });

  test('[AUDIT] an agent is sent to /access-denied and has no link to it', async ({ page }) => {
    await page.goto('/audit');
    await expect(page).toHaveURL(/\/access-denied/);
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    await expect(nav.getByRole('link', { name: '빌링키 발급' })).toBeVisible();
    // 관리 (감사 기록, QA 실행, the settings) holds nothing an agent may open, so it is not there at all.
    await expect(nav.getByRole('button', { name: '관리', exact: true })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: '감사 기록' })).toHaveCount(0);
    await page.setViewportSize({ width: 390, height: 844 });
    const menu = await openNavMenu(page, '메뉴');
    await expect(menu.getByRole('menuitem', { name: '빌링키 발급' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: '감사 기록' })).toHaveCount(0);
    await expect(menu.getByRole('group', { name: '관리' })).toHaveCount(0);
  });
});
