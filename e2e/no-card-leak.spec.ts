import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { markerCardDigits, uniqueUid } from './cards';
import {
  birthInput,
  cardNumberInput,
  expectCardFieldsWiped,
  expiryInput,
  fillCard,
  openIssueForm,
  pwdInput,
  submitButton,
} from './helpers';
import { E2E } from './ports';

// A phone agent's signed-in session (e2e/auth.setup.ts).
test.use({ storageState: E2E.storageState('agent') });

/** Every file under `dir` (missing dirs are empty). */
function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1-');
const BIRTH = '930417';
const PWD = '37';

/** Patterns that would reveal the card data anywhere: both spellings of the number, the birth, the fields with values. */
function leakPatterns(digits: string): RegExp[] {
  return [
    new RegExp(digits),
    new RegExp(grouped(digits)),
    new RegExp(`(?<!\\d)${BIRTH}(?!\\d)`),
    /pwd_2digit\\?["']?\s*[:=]\s*\\?["']?\d/,
    /birth\\?["']?\s*[:=]\s*\\?["']?\d/,
    /card_number\\?["']?\s*[:=]\s*\\?["']?\d{4}/,
  ];
}

test('[SECURITY] card number, pwd_2digit, birth, password and secrets appear in no log, response, file or browser storage', async ({
  page,
  request,
}) => {
  const digits = markerCardDigits();
  const uids = { ui: uniqueUid('leak_ui'), live: uniqueUid('leak_live'), invalid: uniqueUid('leak_invalid') };
  const bodies: string[] = [];

  // 1. Through the browser, sandbox mode.
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) bodies.push(await response.text().catch(() => ''));
  });
  await openIssueForm(page);
  await fillCard(page, { uid: uids.ui, card: digits, birth: BIRTH, pwd: PWD });
  await submitButton(page).click();
  await expect(page.getByRole('region', { name: '새 빌링키가 발급되었습니다' })).toBeVisible();
  await expectCardFieldsWiped(page);

  // 2. Through the API, live mode over HTTP, and a rejected (invalid expiry) request.
  const live = await request.post(`${E2E.liveAppUrl}/api/billing-keys`, {
    data: {
      customer_uid: uids.live,
      pg: 'nice',
      card_number: digits,
      expiry: '2031-01',
      birth: BIRTH,
      pwd_2digit: PWD,
    },
  });
  expect(live.status()).toBe(201);
  bodies.push(await live.text());
  const invalid = await request.post('/api/billing-keys', {
    data: {
      customer_uid: uids.invalid,
      pg: 'nice',
      card_number: digits,
      expiry: '2031-13',
      birth: BIRTH,
      pwd_2digit: PWD,
    },
  });
  expect(invalid.status()).toBe(422);
  bodies.push(await invalid.text());

  // 3. Browser storage and URL.
  const storage = await page.evaluate(() =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie,
      url: location.href,
    }),
  );
  const cookies = JSON.stringify(await page.context().cookies());

  // 4. What the servers wrote: their logs (positive control: the customer_uids are there) and caches.
  const logFiles = filesUnder(E2E.logDir);
  expect(logFiles.length).toBeGreaterThanOrEqual(3);
  await expect
    .poll(() => logFiles.map((file) => readFileSync(file, 'utf8')).join('\n'), { timeout: 10_000 })
    .toContain(uids.live);
  const logs = logFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
  expect(logs).toContain(uids.ui);
  const written = [...filesUnder('.next/cache'), ...filesUnder('test-results/db')]
    .filter((file) => statSync(file).size < 20_000_000)
    .map((file) => readFileSync(file).toString('latin1'));

  const haystacks: [string, string][] = [
    ['responses', bodies.join('\n')],
    ['browser storage', storage + cookies],
    ['server logs', logs],
    ['files written', written.join('\n')],
  ];
  expect(bodies.length).toBeGreaterThanOrEqual(3);
  for (const [where, text] of haystacks) {
    for (const pattern of leakPatterns(digits)) {
      expect(pattern.test(text), `${pattern} found in ${where}`).toBe(false);
    }
  }
  // Staff signed in (e2e/auth.setup.ts) and the live app holds the Iamport secret: neither the
  // password nor any secret reaches a log line or a response.
  for (const secret of [E2E.staffPassword, E2E.sandboxImpSecret, E2E.authSecret]) {
    expect(logs.includes(secret), 'a secret found in the server logs').toBe(false);
    expect(bodies.join('\n').includes(secret), 'a secret found in a response').toBe(false);
  }
  expect(logs).toContain('/api/auth/sign-in/email'); // the sign-ins did reach these servers' logs
});

test.describe('before the page has hydrated', () => {
  // No script at all: the server's HTML is what a fast Enter reaches before React takes over.
  test.use({ javaScriptEnabled: false });

  test('[SECURITY] a card or password form submitted before its script runs puts nothing typed in a URL', async ({
    page,
  }) => {
    const digits = markerCardDigits();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto('/keys/new');
    await cardNumberInput(page).fill(digits);
    await expiryInput(page).fill('2030-12');
    await birthInput(page).fill(BIRTH);
    await pwdInput(page).fill(PWD);
    // Implicit submission: the browser sends the form itself, as it would if Enter came first.
    await pwdInput(page).press('Enter');
    await page.waitForLoadState('load');

    await page.context().clearCookies();
    await page.goto('/login');
    const password = 'a staff password typed too early';
    await page.getByLabel(/^이메일/).fill('early@example.com');
    await page.getByLabel(/^비밀번호/).fill(password);
    await page.getByLabel(/^비밀번호/).press('Enter');
    await page.waitForLoadState('load');

    // Both forms were sent (so the check below looks at real submissions), by POST, with no query.
    expect(urls.filter((url) => /\/keys\/new|\/login/.test(url)).length).toBeGreaterThanOrEqual(4);
    for (const pattern of [
      ...leakPatterns(digits),
      new RegExp(encodeURIComponent(password).replace(/%20/g, '(%20|\\+)')),
    ]) {
      expect(urls.filter((url) => pattern.test(decodeURIComponent(url)) || pattern.test(url))).toEqual([]);
    }
    expect(urls.filter((url) => /[?&](bk-|email=|password=)/.test(url))).toEqual([]);
  });
});
