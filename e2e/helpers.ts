import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export interface CardEntry {
  uid: string;
  card: string;
  expiry?: string;
  birth?: string;
  pwd?: string;
  customerName?: string;
  customerId?: string;
}

export const field = (page: Page, name: RegExp) => page.getByRole('textbox', { name });
export const cardNumberInput = (page: Page) => field(page, /^카드번호/);
export const expiryInput = (page: Page) => field(page, /^유효기간/);
export const birthInput = (page: Page) => field(page, /^생년월일/);
export const pwdInput = (page: Page) => field(page, /^카드 비밀번호 앞 2자리/);
export const cvcInput = (page: Page) => field(page, /^CVC/);
export const uidInput = (page: Page) => field(page, /^고객 결제수단 ID/);
export const channelSelect = (page: Page) => page.getByRole('combobox', { name: /^발급 채널/ });
export const submitButton = (page: Page) => page.getByRole('button', { name: /빌링키 발급|발급 요청 중/ });

/** Opens the form and waits until the channel list has filled the select. */
export async function openIssueForm(page: Page) {
  await page.goto('/keys/new');
  await expect(channelSelect(page)).toHaveValue(/channel/);
}

/** Selects the first channel whose option text contains `text` (e.g. "ksnet"). */
export async function chooseChannel(page: Page, text: string) {
  const option = channelSelect(page).locator('option', { hasText: text }).first();
  const value = await option.getAttribute('value');
  if (!value) throw new Error(`no channel option containing ${text}`);
  await channelSelect(page).selectOption(value);
}

export async function fillCard(page: Page, entry: CardEntry) {
  await uidInput(page).fill(entry.uid);
  await cardNumberInput(page).pressSequentially(entry.card.replace(/-/g, ''));
  await expiryInput(page).pressSequentially((entry.expiry ?? '2030-12').replace('-', ''));
  if (entry.birth) await birthInput(page).fill(entry.birth);
  if (entry.pwd) await pwdInput(page).fill(entry.pwd);
  if (entry.customerName) await field(page, /^카드 소유자 이름/).fill(entry.customerName);
  if (entry.customerId) await field(page, /^구매자 ID/).fill(entry.customerId);
}

/** Opens a group of the header's main menu (관리, or 메뉴 on a phone); its links are menu items. */
export async function openNavMenu(page: Page, trigger: string) {
  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  await nav.getByRole('button', { name: trigger, exact: true }).click();
  const menu = nav.getByRole('menu', { name: trigger });
  await expect(menu).toBeVisible();
  return menu;
}

/**
 * Focuses a tooltip's trigger and expects the tooltip to say `text`. A focus that lands before the
 * page has hydrated finds no handler to open it, so the focus is tried again until it does.
 */
export async function expectTooltipOnFocus(page: Page, trigger: Locator, text: string) {
  await expect(async () => {
    await trigger.blur();
    await trigger.focus();
    await expect(page.getByRole('tooltip')).toHaveText(text, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

export async function expectNoAxeViolations(page: Page) {
  // A router.refresh() re-renders the page's metadata: for a moment React has removed the old
  // <title> and not yet inserted the new one. Judge the settled page, not that instant (a page that
  // never gets a title still fails here).
  await expect.poll(() => page.title(), { message: 'the page has a <title>' }).not.toBe('');
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`),
  ).toEqual([]);
}

/** Card fields must be empty after any answer from the server. */
export async function expectCardFieldsWiped(page: Page) {
  await expect(cardNumberInput(page)).toHaveValue('');
  await expect(expiryInput(page)).toHaveValue('');
  await expect(birthInput(page)).toHaveValue('');
  await expect(pwdInput(page)).toHaveValue('');
  // CVC is shown only for the PGs that need it.
  if (await cvcInput(page).count()) await expect(cvcInput(page)).toHaveValue('');
}

/** Collects the idempotency key of every issuance request the page sends, in order. */
export function recordIssueKeys(page: Page): string[] {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/billing-keys') {
      keys.push((JSON.parse(request.postData() ?? '{}') as { idempotency_key?: string }).idempotency_key ?? '');
    }
  });
  return keys;
}

/**
 * The session ends (as when revoked elsewhere) with the form filled; the submit finds no session and
 * the sign-in dialog opens over the form, the email filled in and the password focused.
 */
export async function submitAfterSessionEnds(page: Page, email: string) {
  await page.context().clearCookies();
  await submitButton(page).click();
  const dialog = page.getByRole('dialog', { name: '다시 로그인하세요' });
  await expect(dialog.getByRole('textbox', { name: /^이메일/ })).toHaveValue(email);
  await expect(dialog.getByLabel(/^비밀번호/)).toBeFocused();
  return dialog;
}

/** The retry after signing in went out with the first attempt's key: the server issues once. */
export function expectOneKeyTwice(keys: readonly string[]) {
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1]).toBe(keys[0]);
}
