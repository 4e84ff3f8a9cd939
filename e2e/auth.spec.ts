import { createHmac } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import {
  expectNoAxeViolations,
  expectOneKeyTwice,
  fillCard,
  openIssueForm,
  openNavMenu,
  recordIssueKeys,
  submitAfterSessionEnds,
} from './helpers';
import { E2E } from './ports';

/**
 * Staff accounts, roles and sessions, against an app instance of their own (port base + 2) that
 * starts on an empty database: the first test goes through /setup. The tests share that database,
 * so they run in order.
 */
const AUTH_APP = E2E.authAppUrl;
test.use({ baseURL: AUTH_APP, storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial' });

const ADMIN = { email: 'admin.kim@example.com', name: '김관리', password: 'first admin password' };
let sequence = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${Date.now().toString(36)}${sequence++}@example.com`;
const PASSWORD = 'staff member password';

/** RFC 6238 (SHA-1, 6 digits, 30 s) with the base32 key shown on the enrolment page. */
function totp(base32Secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of base32Secret.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const digest = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** Form alerts, not Next's route announcer (also role=alert). */
const alertIn = (page: Page) => page.getByRole('main').getByRole('alert');
const emailInput = (page: Page) => page.getByLabel(/^이메일/);
const passwordInput = (page: Page) => page.getByLabel(/^비밀번호(?! 확인)/);

/** Signs in through the form with the keyboard only; expects to land on `landing`. */
async function signIn(
  page: Page,
  email: string,
  password: string,
  next = '/settings/security',
  landing: RegExp | string = next,
) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await emailInput(page).fill(email);
  await passwordInput(page).fill(password);
  await passwordInput(page).press('Enter');
  await expect(page).toHaveURL(typeof landing === 'string' ? `${AUTH_APP}${landing}` : landing);
}

/**
 * Turns TOTP on in /settings/security for the signed-in account (its password, then the app's code);
 * returns the key and the code used, which cannot be used again.
 */
async function enableTotp(page: Page, password = PASSWORD) {
  const panel = page.getByRole('region', { name: '2단계 인증 (TOTP)' });
  await panel.getByLabel(/^현재 비밀번호/).fill(password);
  await panel.getByLabel(/^현재 비밀번호/).press('Enter');
  await expect(panel.getByRole('heading', { name: '인증 앱에 이 계정을 추가하세요' })).toBeFocused();
  const secret = (await panel.getByTestId('totp-secret').textContent()) ?? '';
  await expect(panel.getByTestId('totp-uri')).toHaveText(/^otpauth:\/\/totp\//);
  await expectNoAxeViolations(page);
  const enrolmentCode = totp(secret);
  await panel.getByLabel(/^인증 앱에 표시된 코드/).fill(enrolmentCode);
  await panel.getByLabel(/^인증 앱에 표시된 코드/).press('Enter');
  await expect(page).toHaveURL(`${AUTH_APP}/settings/security?notice=two_factor_on`);
  await expect(page.getByRole('region', { name: '2단계 인증 (TOTP)' })).toContainText('현재 상태: 켜짐');
  return { secret, enrolmentCode };
}

/** Creates an account through the admin API, with the admin's cookies. */
async function createStaff(request: APIRequestContext, role: string, email = uniqueEmail(role)) {
  const response = await request.post('/api/staff', {
    data: { email, name: `${role} 직원`, role, password: PASSWORD },
    headers: { origin: AUTH_APP },
  });
  expect(response.status(), await response.text()).toBe(201);
  return email;
}

async function adminPage(browser: import('@playwright/test').Browser) {
  const context = await browser.newContext({ baseURL: AUTH_APP, locale: 'ko-KR' });
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password, '/settings/staff');
  return { context, page };
}

/** A new account of `role`, made by the admin in a context of its own that is closed again. */
async function newStaffAccount(browser: import('@playwright/test').Browser, role: string) {
  const { context, page: admin } = await adminPage(browser);
  const email = await createStaff(admin.request, role);
  await context.close();
  return email;
}

test('[AUTH] /setup creates the first admin once, then sends everyone to the sign-in page', async ({
  page,
  request,
}) => {
  await page.goto('/login');
  if (test.info().retry > 0 && page.url() === `${AUTH_APP}/login`) {
    // A retry of this serial group runs on the database its first attempt set up: the first admin
    // exists, so only "closed once done" can be checked again (the first attempt checked the rest).
    await expectSetupClosed(page, request);
    return;
  }
  await expect(page).toHaveURL(`${AUTH_APP}/setup`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('초기 설정: 첫 관리자 만들기');
  await expectNoAxeViolations(page);

  // Mistakes are caught beside each field before anything is sent.
  await emailInput(page).fill('admin.kim@example.com');
  await page.getByLabel(/^이름/).fill(ADMIN.name);
  await passwordInput(page).fill('admin.kim-2026!');
  await page.getByLabel(/^비밀번호 확인/).fill('something else');
  await page.getByLabel(/^비밀번호 확인/).press('Enter');
  await expect(page.getByText('비밀번호에 이메일의 @ 앞부분을 넣을 수 없습니다.')).toBeVisible();
  await expect(passwordInput(page)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await passwordInput(page).fill(ADMIN.password);
  await page.getByLabel(/^비밀번호 확인/).fill(ADMIN.password);
  await page.getByLabel(/^비밀번호 확인/).press('Enter');
  await expect(page).toHaveURL(`${AUTH_APP}/login?notice=created`);
  await expect(page.getByRole('status')).toHaveText(/관리자 계정을 만들었습니다/);

  await expectSetupClosed(page, request);
});

/** Once the first admin exists, /setup sends everyone to sign in and its API refuses. */
async function expectSetupClosed(page: Page, request: APIRequestContext) {
  await page.goto('/setup');
  await expect(page).toHaveURL(`${AUTH_APP}/login`);
  const again = await request.post('/api/setup', {
    data: {
      email: 'intruder@example.com',
      name: '침입',
      password: 'intruder password',
      passwordConfirm: 'intruder password',
    },
  });
  expect(again.status()).toBe(403);
  expect((await again.json()).error.code).toBe('forbidden');
}

test('[AUTH] signs in with the keyboard, shows who is signed in, and signs out', async ({ page }) => {
  await page.goto('/settings/staff');
  await expect(page).toHaveURL(`${AUTH_APP}/login?next=%2Fsettings%2Fstaff`);
  await expectNoAxeViolations(page);
  await emailInput(page).focus();
  await page.keyboard.type(ADMIN.email.toUpperCase());
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${AUTH_APP}/settings/staff`);
  const menu = page.getByRole('group', { name: '내 계정' });
  await expect(menu).toContainText(ADMIN.email);
  await expect(menu).toContainText('관리자');

  await menu.getByRole('button', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(`${AUTH_APP}/login?notice=signed_out`);
  await expect(page.getByRole('status')).toHaveText('로그아웃했습니다.');
  await page.goto('/settings/security');
  await expect(page).toHaveURL(`${AUTH_APP}/login?next=%2Fsettings%2Fsecurity`);
  expect((await page.request.get('/api/account')).status()).toBe(401);
});

test('[AUTH] on a phone the account and 로그아웃 are in the 메뉴, and signing out from it works', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN.email, ADMIN.password);
  // Hydrated, so the click reaches the menu's handler rather than the server's HTML.
  await page.waitForLoadState('networkidle');
  const menu = await openNavMenu(page, '메뉴');
  const account = menu.getByRole('group', { name: /^내 계정/ });
  await expect(account).toHaveAccessibleName(`내 계정: ${ADMIN.email} · 관리자`);
  await expect(account.getByRole('menuitem', { name: '보안 설정' })).toHaveAttribute('aria-current', 'page');
  await account.getByRole('menuitem', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(`${AUTH_APP}/login?notice=signed_out`);
  await expect(page.getByRole('status')).toHaveText('로그아웃했습니다.');
  expect((await page.request.get('/api/account')).status()).toBe(401);
});

test('[AUTH] a wrong password says so, clears the password and keeps focus there', async ({ page }) => {
  await page.goto('/login');
  await emailInput(page).fill(ADMIN.email);
  await passwordInput(page).fill('not the admin password');
  await passwordInput(page).press('Enter');
  await expect(alertIn(page)).toHaveText('이메일 또는 비밀번호가 올바르지 않습니다.');
  await expect(passwordInput(page)).toHaveValue('');
  await expect(passwordInput(page)).toBeFocused();
  await expect(page).toHaveURL(/\/login/);
  await expectNoAxeViolations(page);
});

test.describe('from another address', () => {
  // Its own client address, so the failures here do not count against the other tests' address.
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } });

  test('[AUTH] after 10 failed sign-ins the 11th is refused with 429, Retry-After and the wait time', async ({
    page,
  }) => {
    const email = uniqueEmail('target');
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await page.request.post('/api/auth/sign-in/email', {
        data: { email, password: `guess number ${attempt}` },
        headers: { origin: AUTH_APP },
      });
      expect(response.status()).toBe(401);
    }
    await page.goto('/login');
    await emailInput(page).fill(email);
    await passwordInput(page).fill('guess number 11');
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in/email'));
    await passwordInput(page).press('Enter');
    const response = await answer;
    expect(response.status()).toBe(429);
    const retryAfter = Number(response.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    await expect(alertIn(page)).toHaveText(/로그인 시도가 너무 많습니다\. 1[45]분( \d+초)? 후에 다시 시도하세요\./);
  });
});

test('[AUTH] an admin creates a reviewer in /settings/staff, and the reviewer signs in with that role', async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN.email, ADMIN.password, '/settings/staff');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('직원 관리');
  await expectNoAxeViolations(page);

  const email = uniqueEmail('reviewer');
  const form = page.getByRole('region', { name: '직원 추가' });
  await form.getByLabel(/^이메일/).fill(email);
  await form.getByLabel(/^이름/).fill('박검토');
  await form.getByRole('combobox', { name: /^역할/ }).selectOption({ label: '검토자' });
  await form.getByLabel(/^초기 비밀번호/).fill('박검토의 비밀번호입니다');
  await form.getByLabel(/^초기 비밀번호/).press('Enter');
  await expect(form.getByRole('status')).toHaveText(
    `${email} 계정(검토자)을 만들었습니다. 초기 비밀번호를 직접 전달하세요.`,
  );
  const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
  await expect(row).toContainText('박검토');
  await expect(row.getByRole('combobox')).toHaveValue('reviewer');
  await expect(row).toContainText('활성');
  await expectNoAxeViolations(page);

  // The same email again is refused beside the field.
  await form.getByLabel(/^이메일/).fill(email.toUpperCase());
  await form.getByLabel(/^이름/).fill('중복');
  await form.getByLabel(/^초기 비밀번호/).fill('another good password');
  await form.getByRole('button', { name: '직원 계정 만들기' }).click();
  await expect(form.getByText('이미 등록된 이메일입니다.')).toBeVisible();

  const reviewer = await browser.newContext({ baseURL: AUTH_APP, locale: 'ko-KR' });
  const reviewerPage = await reviewer.newPage();
  await signIn(reviewerPage, email, '박검토의 비밀번호입니다');
  await expect(reviewerPage.getByRole('group', { name: '내 계정' })).toContainText('검토자');
  await expect(
    reviewerPage.getByRole('group', { name: '내 계정' }).getByRole('link', { name: '직원 관리' }),
  ).toHaveCount(0);
  await reviewerPage.goto('/settings/staff');
  await expect(reviewerPage).toHaveURL(`${AUTH_APP}/access-denied?from=%2Fsettings%2Fstaff`);
  await expect(reviewerPage.getByRole('heading', { level: 1 })).toHaveText('이 화면을 볼 권한이 없습니다');
  expect((await reviewerPage.request.get('/api/staff')).status()).toBe(403);
  await reviewer.close();
});

test('[AUTH] a deactivated account is signed out at once and cannot sign in', async ({ page, browser }) => {
  const { context: adminContext, page: admin } = await adminPage(browser);
  const email = await createStaff(admin.request, 'agent');
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('보안 설정');

  await admin.reload();
  await admin.getByRole('button', { name: `${email} 비활성화` }).click();
  await expect(admin.getByRole('region', { name: /직원 목록/ }).getByRole('status')).toHaveText(
    `${email} 계정을 비활성화했습니다. 그 계정의 모든 세션이 끝났습니다.`,
  );
  await expect(admin.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) })).toContainText('비활성');

  await page.reload();
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fsecurity$/);
  await emailInput(page).fill(email);
  await passwordInput(page).fill(PASSWORD);
  await passwordInput(page).press('Enter');
  await expect(alertIn(page)).toHaveText('비활성화된 계정입니다. 관리자에게 문의하세요.');

  await admin.getByRole('button', { name: `${email} 다시 활성화` }).click();
  await expect(admin.getByRole('button', { name: `${email} 비활성화` })).toBeVisible();
  await signIn(page, email, PASSWORD);
  await adminContext.close();
});

test('[AUTH] enabling TOTP in /settings/security, then signing in asks for the code', async ({ page, browser }) => {
  const email = await newStaffAccount(browser, 'qa');

  await signIn(page, email, PASSWORD);
  await expectNoAxeViolations(page);
  const panel = page.getByRole('region', { name: '2단계 인증 (TOTP)' });
  await expect(panel).toContainText('현재 상태: 꺼짐');
  await panel.getByLabel(/^현재 비밀번호/).fill('wrong password here');
  await panel.getByLabel(/^현재 비밀번호/).press('Enter');
  await expect(panel.getByText('비밀번호가 올바르지 않습니다.')).toBeVisible();
  const { secret, enrolmentCode } = await enableTotp(page);

  await page.getByRole('group', { name: '내 계정' }).getByRole('button', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(`${AUTH_APP}/login?notice=signed_out`);
  await page.goto('/login?next=%2Fsettings%2Fsecurity');
  await emailInput(page).fill(email);
  await passwordInput(page).fill(PASSWORD);
  await passwordInput(page).press('Enter');
  const code = page.getByRole('textbox', { name: /^인증 코드/ });
  await expect(code).toBeFocused();
  await expectNoAxeViolations(page);
  // The code accepted at enrolment cannot be replayed; a wrong one is refused; the next one works.
  await code.fill(enrolmentCode);
  await code.press('Enter');
  await expect(alertIn(page)).toContainText('이미 사용한 인증 코드입니다.');
  const next = totp(secret, Date.now() + 30_000);
  await code.fill(next === '000000' ? '999999' : '000000');
  await code.press('Enter');
  await expect(alertIn(page)).toHaveText('인증 코드가 올바르지 않습니다. 인증 앱에 지금 표시된 6자리를 입력하세요.');
  await code.fill(next);
  await code.press('Enter');
  await expect(page).toHaveURL(`${AUTH_APP}/settings/security`);
  await expect(page.getByRole('group', { name: '내 계정' })).toContainText(email);
});

test.describe('from a third address', () => {
  // Its own client address: better-auth limits the 2FA steps per address, and the tests around
  // this one take those steps too.
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.78' } });

  test("[AUTH] the issue form's sign-in dialog asks a 2FA account for its code, then sends the same submission again", async ({
    page,
    browser,
  }) => {
    const email = await newStaffAccount(browser, 'agent');
    await signIn(page, email, PASSWORD);
    const { secret } = await enableTotp(page);

    const keys = recordIssueKeys(page);
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('reauth-2fa'), card: CARDS.kbCheck, customerName: '이이중' });
    const dialog = await submitAfterSessionEnds(page, email);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    // The second step, in the same dialog, over the same form.
    const code = dialog.getByRole('textbox', { name: /^인증 코드/ });
    await expect(code).toBeFocused();
    await expectNoAxeViolations(page);
    // The enrolment's code cannot be replayed: the next window's one signs in.
    await page.keyboard.type(totp(secret, Date.now() + 30_000));
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('region', { name: '새 빌링키가 발급되었습니다' })).toContainText('이이중');
    expectOneKeyTwice(keys);
  });
});

test('[AUTH] with "require 2FA for everyone" on, an account without it can only set it up', async ({
  page,
  browser,
}) => {
  const { context: adminContext, page: admin } = await adminPage(browser);
  const email = await createStaff(admin.request, 'reviewer');
  const policy = admin.getByRole('region', { name: '보안 정책' });
  await policy.getByLabel('모든 직원에게 2단계 인증(TOTP) 요구').check();
  await policy.getByRole('button', { name: '보안 정책 저장' }).click();
  await expect(policy.getByRole('status')).toContainText('저장했습니다.');
  await expect(policy).toContainText('현재: 요구함');
  await adminContext.close();

  await signIn(page, email, PASSWORD, '/settings/staff', '/settings/security?required=1');
  await expect(alertIn(page)).toContainText('관리자가 모든 직원에게 2단계 인증을 요구합니다.');
  await expectNoAxeViolations(page);
  await page.goto('/settings/staff');
  await expect(page).toHaveURL(`${AUTH_APP}/settings/security?required=1`);
  const blocked = await page.request.get('/api/staff');
  expect(blocked.status()).toBe(403);
  expect((await blocked.json()).error.message).toContain('2단계 인증을 먼저 설정해야 합니다');

  const panel = page.getByRole('region', { name: '2단계 인증 (TOTP)' });
  await panel.getByLabel(/^현재 비밀번호/).fill(PASSWORD);
  await panel.getByLabel(/^현재 비밀번호/).press('Enter');
  const secret = (await panel.getByTestId('totp-secret').textContent()) ?? '';
  await panel.getByLabel(/^인증 앱에 표시된 코드/).fill(totp(secret));
  await panel.getByLabel(/^인증 앱에 표시된 코드/).press('Enter');
  await expect(page).toHaveURL(`${AUTH_APP}/settings/security?notice=two_factor_on`);
  await expect(page.getByText('관리자가 모든 직원에게 2단계 인증을 요구합니다.')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '2단계 인증 (TOTP)' })).toContainText(
    '관리자가 2단계 인증을 요구하므로 끌 수 없습니다.',
  );
  expect((await page.request.get('/api/account')).status()).toBe(200);
  await page.goto('/settings/staff');
  await expect(page).toHaveURL(`${AUTH_APP}/access-denied?from=%2Fsettings%2Fstaff`);

  // The admin, without 2FA, is now held at enrolment too.
  const adminAgain = await browser.newContext({ baseURL: AUTH_APP, locale: 'ko-KR' });
  const adminAgainPage = await adminAgain.newPage();
  await signIn(adminAgainPage, ADMIN.email, ADMIN.password, '/settings/staff', '/settings/security?required=1');
  await adminAgain.close();
});
