import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CARDS, markerCardDigits, uniqueUid } from './cards';
import { cardNumberInput, channelSelect, expectNoAxeViolations, expiryInput, uidInput } from './helpers';
import { E2E } from './ports';

// The phone agent sends the links (e2e/auth.setup.ts).
test.use({ storageState: E2E.storageState('agent') });

const SERVER_LOG = 'test-results/server-logs/app-sandbox-mode.log';
const SERVER_DB = 'test-results/db/app-sandbox-mode';

/** Every file under `dir` (the sandbox app's PGlite folder: its database "dump" on disk). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
const TOKEN_URL = /\/r\/[A-Za-z0-9_-]{43}$/;

/** A customer's phone: a fresh browser with no cookies, 390 px wide. */
async function customerPhone(browser: Browser) {
  const context = await browser.newContext({
    baseURL: E2E.sandboxAppUrl,
    viewport: { width: 390, height: 844 },
    storageState: { cookies: [], origins: [] },
    locale: 'ko-KR',
  });
  return { context, page: await context.newPage() };
}

async function sendLink(page: Page, customerName = '홍길동'): Promise<string> {
  await page.goto('/links/new');
  await expect(channelSelect(page)).toHaveValue(/channel/);
  await uidInput(page).fill(uniqueUid('link_e2e'));
  await page.getByRole('textbox', { name: /^고객 이름/ }).fill(customerName);
  await page.getByRole('button', { name: '링크 만들기' }).click();
  const url = page.getByRole('textbox', { name: '링크 주소' });
  await expect(url).toHaveValue(TOKEN_URL);
  // The link replaces the form, and focus goes to it (not to the top of the page).
  await expect(page.getByRole('heading', { name: '카드 등록 링크', exact: true })).toBeFocused();
  return url.inputValue();
}

async function typeCard(page: Page, card: string) {
  await cardNumberInput(page).pressSequentially(card.replace(/-/g, ''));
  await expiryInput(page).pressSequentially('203012');
}

test('[LINKS] the customer types the card on their phone; the agent sees the rejection, then the key, without a reload', async ({
  page,
  browser,
}) => {
  const marker = markerCardDigits();
  const agentBodies: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) agentBodies.push(await response.text().catch(() => ''));
  });
  const url = await sendLink(page);
  await expect(page.getByRole('img', { name: '카드 등록 링크 QR 코드' })).toBeVisible();
  await expect(page.getByText('고객이 아직 열지 않았습니다.')).toBeVisible();
  await expectNoAxeViolations(page);

  const phone = await customerPhone(browser);
  const customerBodies: string[] = [];
  phone.page.on('response', async (response) => customerBodies.push(await response.text().catch(() => '')));
  const opened = await phone.page.goto(url);
  const headers = opened!.headers();
  expect(headers['content-security-policy']).toContain("default-src 'none'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-robots-tag']).toContain('noindex');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  await expect(phone.page.getByRole('heading', { level: 1, name: '카드 등록' })).toBeVisible();
  await expect(phone.page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(phone.page.getByRole('navigation', { name: '주 메뉴' })).toHaveCount(0);
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(phone.page);

  // The agent sees the opening without reloading.
  await expect(page.getByText(/고객이 열었습니다/)).toBeVisible();

  // Consent is required, with the same field checks as the agent's form.
  await typeCard(phone.page, CARDS.declined);
  await phone.page.getByRole('button', { name: '카드 등록' }).click();
  await expect(phone.page.getByText('카드 등록 약관에 동의해야 등록할 수 있습니다.')).toBeVisible();
  await expect(phone.page.getByRole('checkbox', { name: /약관에 동의합니다/ })).toHaveAttribute('aria-invalid', 'true');
  await phone.page.getByRole('checkbox', { name: /약관에 동의합니다/ }).check();
  await phone.page.getByRole('button', { name: '카드 등록' }).click();
  await expect(phone.page.getByRole('heading', { name: '카드가 등록되지 않았습니다' })).toBeVisible();
  // Why, in plain words first; the card company's own text after it.
  await expect(
    phone.page.getByText(/: 이 카드는 가맹점의 PG 계약으로 받을 수 없는 카드입니다\. \(카드사 응답: .*\[F114\]/),
  ).toBeVisible();
  await expect(phone.page.getByText(/남은 시도: 4회/)).toBeVisible();
  // The customer's page names its fields in Korean only: no Iamport field names beside the labels.
  await expect(phone.page.getByText(/card_number|pwd_2digit/)).toHaveCount(0);
  await expect(cardNumberInput(phone.page)).toHaveValue('');
  await expectNoAxeViolations(phone.page);

  // The rejection reaches the agent's screen by itself.
  await expect(page.getByText(/시도 1: 거절/)).toBeVisible();
  await expect(page.getByText(/F114/).first()).toBeVisible();

  await typeCard(phone.page, marker);
  await phone.page.getByRole('button', { name: '카드 등록' }).click();
  await expect(phone.page.getByRole('heading', { name: '등록되었습니다' })).toBeVisible();
  await expectNoAxeViolations(phone.page);

  const keyCard = page.getByRole('region', { name: '고객이 카드를 등록했습니다' });
  await expect(keyCard).toBeVisible();
  await expect(page.getByText(/시도 2: 등록됨/)).toBeVisible();

  // Used once: the same link now says so, and a second submission is refused.
  await phone.page.reload();
  await expect(phone.page.getByRole('heading', { name: '이미 사용한 링크입니다' })).toBeVisible();
  await expectNoAxeViolations(phone.page);
  const token = url.split('/r/')[1]!;
  const again = await phone.context.request.post('/api/links/submit', {
    data: { token, consent: true, card_number: CARDS.kbCheck, expiry: '2030-12' },
  });
  expect(again.status()).toBe(404);

  // No session for the customer, and the marker card is in no response, screen or log; the token in no log.
  expect((await phone.context.cookies()).filter((cookie) => /session/i.test(cookie.name))).toEqual([]);
  const groupedMarker = marker.replace(/(\d{4})(?=\d)/g, '$1-');
  for (const text of [...agentBodies, ...customerBodies, await page.content()]) {
    expect(text).not.toContain(marker);
    expect(text).not.toContain(groupedMarker);
  }
  const storage = await phone.page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(storage).toBe('{}{}');
  const database = filesUnder(SERVER_DB)
    .filter((file) => statSync(file).size < 50_000_000)
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n');
  expect(database.length).toBeGreaterThan(0);
  expect(database).not.toContain(marker);
  expect(database).not.toContain(groupedMarker);
  const log = readFileSync(SERVER_LOG, 'utf8');
  expect(log).not.toContain(marker);
  expect(log).not.toContain(groupedMarker);
  expect(log).not.toContain(token);
  await phone.context.close();
});

test('[LINKS] the link form does not cut long values either; the field says how much is over', async ({ page }) => {
  await page.goto('/links/new');
  await expect(channelSelect(page)).toHaveValue(/channel/);
  const uid = 'u'.repeat(82);
  await uidInput(page).fill(uid);
  await expect(uidInput(page)).toHaveValue(uid);
  await expect(page.getByText('2자 초과 (최대 80자)')).toBeVisible();
  const name = page.getByRole('textbox', { name: /^고객 이름/ });
  await name.pressSequentially('가'.repeat(23));
  await expect(name).toHaveValue('가'.repeat(23));
  await expect(page.getByText('3자 초과 (최대 20자)')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '링크 만들기' }).click();
  await expect(uidInput(page)).toHaveAttribute('aria-invalid', 'true');
});

test('[LINKS] revoked, locked, expired and unknown links each say so (axe 0)', async ({ page, browser }) => {
  const phone = await customerPhone(browser);

  const revokedUrl = await sendLink(page);
  await page.getByRole('button', { name: '링크 폐기' }).click();
  // Revoking asks first: 취소 leaves the link as it is, 링크 폐기 in the dialog revokes it.
  const confirm = page.getByRole('alertdialog', { name: '이 링크를 폐기할까요?' });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: '취소' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByText(/폐기됨:/)).toHaveCount(0);
  await page.getByRole('button', { name: '링크 폐기' }).click();
  await confirm.getByRole('button', { name: '링크 폐기' }).click();
  await expect(page.getByText(/폐기됨:/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '링크 상태' })).toBeFocused();
  await phone.page.goto(revokedUrl);
  await expect(phone.page.getByRole('heading', { name: '취소된 링크입니다' })).toBeVisible();
  await expectNoAxeViolations(phone.page);

  const lockedUrl = await sendLink(page);
  const token = lockedUrl.split('/r/')[1]!;
  for (let i = 0; i < 5; i++) {
    const response = await phone.context.request.post('/api/links/submit', {
      data: { token, consent: true, card_number: CARDS.declined, expiry: '2030-12' },
    });
    expect(response.status()).toBe(422);
  }
  await phone.page.goto(lockedUrl);
  await expect(phone.page.getByRole('heading', { name: '잠긴 링크입니다' })).toBeVisible();
  await expectNoAxeViolations(phone.page);
  await expect(page.getByText(/실패가 5회가 되어 잠겼습니다/)).toBeVisible();

  // An expired link and a guessed one show the same page: a guess tells nothing.
  await phone.page.goto(`/r/${'x'.repeat(43)}`);
  await expect(phone.page.getByRole('heading', { name: '만료되었거나 올바르지 않은 링크입니다' })).toBeVisible();
  await expectNoAxeViolations(phone.page);

  // The agent's list shows them, filterable.
  await page.goto('/links?status=locked');
  await expect(page.getByRole('table', { name: /카드 등록 링크 목록/ })).toBeVisible();
  await expect(page.getByText('실패 5회').first()).toBeVisible();
  // 보낸 사람 by email, not the account id.
  await expect(
    page
      .getByRole('table', { name: /카드 등록 링크 목록/ })
      .getByText(E2E.staffEmail('agent'), { exact: true })
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await phone.context.close();
});

test.describe('who may send links', () => {
  test('[LINKS] QA on test channels; reviewers see but cannot send; live production without PUBLIC_URL refuses', async ({
    playwright,
  }) => {
    const as = (role: 'qa' | 'reviewer' | 'agent', baseURL = E2E.sandboxAppUrl) =>
      playwright.request.newContext({ baseURL, storageState: E2E.storageState(role) });
    const body = { customer_uid: uniqueUid('link_roles'), pg: 'nice.nictest04m' };
    const qa = await as('qa');
    const created = await qa.post('/api/links', { data: body });
    expect(created.status(), await created.text()).toBe(201);
    expect((await created.json()).link.testChannel).toBe(true);
    const reviewer = await as('reviewer');
    expect((await reviewer.post('/api/links', { data: body })).status()).toBe(403);
    expect((await reviewer.get('/api/links')).status()).toBe(200);
    const live = await as('agent', E2E.liveAppUrl);
    const refused = await live.post('/api/links', { data: { ...body, customer_uid: uniqueUid('link_live') } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain('PUBLIC_URL');
  });
});

test.describe('link settings', () => {
  test.use({ storageState: E2E.storageState('admin') });

  test('[LINKS] an admin sets the merchant name, texts and lifetime; the customer page shows them', async ({
    page,
    browser,
  }) => {
    await page.goto('/settings/links');
    await expect(page.getByText(/복사 \/ QR 코드: 항상/)).toBeVisible();
    await expectNoAxeViolations(page);
    const expiry = page.getByRole('textbox', { name: /^링크 유효 시간/ });
    await expiry.fill('2');
    await page.getByRole('button', { name: '저장' }).click();
    await expect(page.getByText('유효 시간은 5분 이상입니다.')).toBeVisible();
    await expiry.fill('45');
    const name = `테스트상점 ${Date.now().toString(36)}`;
    await page.getByRole('textbox', { name: /^가맹점 이름/ }).fill(name);
    await page.getByRole('button', { name: '저장' }).click();
    await expect(page.getByText('저장했습니다.', { exact: false })).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    const url = await sendLink(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const phone = await customerPhone(browser);
    await phone.page.goto(url);
    await expect(phone.page.getByText(name)).toBeVisible();
    await phone.context.close();
    const list = await page.request.get('/api/links?limit=1');
    const [latest] = (await list.json()).links as { createdAt: string; expiresAt: string }[];
    expect(Date.parse(latest!.expiresAt) - Date.parse(latest!.createdAt)).toBe(45 * 60_000);
  });
});
