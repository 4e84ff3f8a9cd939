import { expect, test, type Page } from '@playwright/test';
import { CARDS, markerCardDigits, uniqueUid } from './cards';
import {
  birthInput,
  cardNumberInput,
  expectCardFieldsWiped,
  expectNoAxeViolations,
  expectOneKeyTwice,
  expiryInput,
  field,
  fillCard,
  openIssueForm,
  pwdInput,
  recordIssueKeys,
  submitAfterSessionEnds,
  submitButton,
  uidInput,
} from './helpers';
import { E2E } from './ports';

// A phone agent's signed-in session (e2e/auth.setup.ts).
test.use({ storageState: E2E.storageState('agent') });

const issued = (page: Page) => page.getByRole('region', { name: '새 빌링키가 발급되었습니다' });
const rejected = (page: Page) => page.getByRole('region', { name: '발급 거절' });

async function expectCardKept(page: Page, card: string, birth = '', pwd = '') {
  await expect(cardNumberInput(page)).toHaveValue(card);
  await expect(expiryInput(page)).toHaveValue('2030-12');
  await expect(birthInput(page)).toHaveValue(birth);
  await expect(pwdInput(page)).toHaveValue(pwd);
}

test.describe('the agent never asks the customer twice', () => {
  test('[DAY] the first field is focused on load and after 새 고객 입력', async ({ page }) => {
    await openIssueForm(page);
    await expect(uidInput(page)).toBeFocused();
    await fillCard(page, { uid: uniqueUid('focus'), card: CARDS.kbCheck });
    await submitButton(page).click();
    await expect(issued(page)).toBeVisible();
    await page.getByRole('button', { name: '새 고객 입력' }).click();
    await expect(uidInput(page)).toBeFocused();
    await expect(uidInput(page)).toHaveValue('');
  });

  test('[DAY] a wrong password clears only that field and focuses it; the corrected one issues', async ({ page }) => {
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('pw'), card: CARDS.passwordCheck, birth: '880101', pwd: '34' });
    await submitButton(page).click();
    await expect(rejected(page)).toContainText('카드 비밀번호 앞 2자리만 지웠습니다');
    await expect(pwdInput(page)).toBeFocused();
    await expectCardKept(page, CARDS.passwordCheck, '880101', '');
    await expectNoAxeViolations(page);
    await page.keyboard.type('12');
    await submitButton(page).click();
    await expect(issued(page)).toBeVisible();
    await expectCardFieldsWiped(page);
  });

  test('[DAY] a wrong birth clears only birth; an expiry rejection clears only expiry', async ({ page }) => {
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('birth'), card: CARDS.passwordCheck, birth: '900101', pwd: '12' });
    await submitButton(page).click();
    await expect(rejected(page)).toContainText('생년월일 또는 사업자등록번호만 지웠습니다');
    await expect(birthInput(page)).toBeFocused();
    await expect(birthInput(page)).toHaveValue('');
    await expect(cardNumberInput(page)).toHaveValue(CARDS.passwordCheck);
    await expect(pwdInput(page)).toHaveValue('12');

    await cardNumberInput(page).fill('');
    await cardNumberInput(page).pressSequentially(CARDS.expired.replace(/-/g, ''));
    await birthInput(page).fill('880101');
    await submitButton(page).click();
    await expect(rejected(page)).toContainText('유효기간만 지웠습니다');
    await expect(expiryInput(page)).toBeFocused();
    await expect(expiryInput(page)).toHaveValue('');
    await expect(cardNumberInput(page)).toHaveValue(CARDS.expired);
    await expect(birthInput(page)).toHaveValue('880101');
  });

  test('[DAY] the card stays when Iamport was never reached or said nothing about it', async ({ page }) => {
    await openIssueForm(page);
    // Server unreachable: no answer at all.
    await page.route('**/api/billing-keys', (route) =>
      route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue(),
    );
    await fillCard(page, { uid: uniqueUid('kept'), card: CARDS.kbCheck });
    await submitButton(page).click();
    const unknown = page.getByRole('region', { name: '결과를 알 수 없습니다' });
    await expect(unknown).toContainText('카드 정보는 그대로 두었습니다');
    await expectCardKept(page, CARDS.kbCheck);
    await page.unroute('**/api/billing-keys');
    // The server-unreachable answer offers the look-up: nothing was issued.
    await unknown.getByRole('button', { name: /조회하기$/ }).click();
    await expect(unknown).toContainText('발급되지 않았으니 다시 발급해도 됩니다');

    // Iamport answered with an error page (502): nothing about the card, the outcome is unknown.
    await cardNumberInput(page).fill('');
    await cardNumberInput(page).pressSequentially(CARDS.htmlError.replace(/-/g, ''));
    await submitButton(page).click();
    await expect(page.getByRole('region', { name: '결과를 알 수 없습니다' })).toContainText(
      '카드 정보는 그대로 두었습니다',
    );
    await expectCardKept(page, CARDS.htmlError);

    // The session ended: signed out in this browser only.
    await page.context().clearCookies();
    await submitButton(page).click();
    await expect(page.getByText(/로그인/).first()).toBeVisible();
    await expectCardKept(page, CARDS.htmlError);
  });

  test('[DAY] a card the PG refuses as a whole is wiped', async ({ page }) => {
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('declined'), card: CARDS.declined, birth: '880101', pwd: '12' });
    await submitButton(page).click();
    await expect(rejected(page)).toContainText('카드 정보는 보안을 위해 지웠습니다');
    await expectCardFieldsWiped(page);
    await expect(rejected(page).getByRole('heading')).toBeFocused();
  });

  test('[DAY] long values are not cut while typed; the field says how much is over', async ({ page }) => {
    await openIssueForm(page);
    const uid = 'u'.repeat(82);
    await uidInput(page).fill(uid);
    await expect(uidInput(page)).toHaveValue(uid);
    await expect(page.getByText('2자 초과 (최대 80자)')).toBeVisible();
    const name = field(page, /^카드 소유자 이름/);
    await name.pressSequentially('가'.repeat(23));
    await expect(name).toHaveValue('가'.repeat(23));
    await expect(page.getByText('3자 초과 (최대 20자)')).toBeVisible();
    await expect(name).toHaveAttribute('aria-describedby', /customer_name-over/);
    await expectNoAxeViolations(page);
    await name.fill('홍길동');
    await expect(page.getByText('3자 초과 (최대 20자)')).toHaveCount(0);
    await cardNumberInput(page).pressSequentially(CARDS.kbCheck.replace(/-/g, ''));
    await expiryInput(page).pressSequentially('203012');
    await submitButton(page).click();
    await expect(uidInput(page)).toBeFocused();
    await expect(page.locator('#customer_uid-error')).toContainText('80자 이하');
    await expect(cardNumberInput(page)).toHaveValue(CARDS.kbCheck);
  });

  test('[DAY] a number failing Luhn is not warned about as a real card', async ({ page }) => {
    await openIssueForm(page);
    // KB's BIN with a wrong check digit: a typo, not a real card.
    await cardNumberInput(page).pressSequentially('5272891234567892');
    await expect(cardNumberInput(page)).toHaveValue('5272-8912-3456-7892');
    await expect(page.getByText('실제 카드처럼 보입니다')).toHaveCount(0);
    await cardNumberInput(page).fill('');
    await cardNumberInput(page).pressSequentially('5272891234567891');
    await expect(page.getByRole('alert').filter({ hasText: '실제 카드처럼 보입니다' })).toBeVisible();
  });

  test('[DAY] replacing a card keeps the customer name and phone, and says what changes', async ({ page }) => {
    const uid = uniqueUid('keepcust');
    await openIssueForm(page);
    await fillCard(page, { uid, card: CARDS.kbCheck, customerName: '홍길동' });
    await field(page, /^연락처/).fill('010-1234-5678');
    await submitButton(page).click();
    await expect(issued(page)).toContainText('홍길동');
    await page.getByRole('button', { name: '새 고객 입력' }).click();
    await expect(uidInput(page)).toBeFocused();

    await fillCard(page, { uid, card: CARDS.shinhanCredit });
    const notice = page.getByRole('region', { name: '이 고객 결제수단 ID에는 이미 카드가 등록되어 있습니다' });
    await expect(notice).toBeVisible();
    await expect(field(page, /^카드 소유자 이름/)).toHaveValue('홍길동');
    await expect(field(page, /^연락처/)).toHaveValue('010-1234-5678');
    const changes = notice.getByRole('list', { name: '교체하면 바뀌는 값' });
    await expect(changes).toContainText('카드: 52728900****0004 → 새로 입력한 카드');
    await expect(changes.getByRole('listitem')).toHaveCount(1);
    await field(page, /^연락처/).fill('010-9999-0000');
    await expect(changes).toContainText('연락처: 010-1234-5678 → 010-9999-0000');
    // A field the agent empties does not erase the stored name either.
    await field(page, /^카드 소유자 이름/).fill('');
    await expectNoAxeViolations(page);
    await page.getByRole('checkbox', { name: /새 카드로 교체합니다/ }).check();
    await submitButton(page).click();
    const card = page.getByRole('region', { name: '빌링키가 교체되었습니다' });
    await expect(card).toContainText('신한카드');
    await expect(card).toContainText('홍길동');
    await expect(card).toContainText('010-9999-0000');
  });

  test('[DAY] card fields left alone are wiped after 3 idle minutes, as the form says; 지우기 wipes at once', async ({
    page,
  }) => {
    await page.clock.install();
    const uid = uniqueUid('idle');
    await openIssueForm(page);
    await expect(page.getByText('3분 동안 입력이 없으면')).toBeVisible();
    await fillCard(page, { uid, card: CARDS.kbCheck, birth: '880101', pwd: '12' });
    await page.clock.fastForward('02:50');
    await expect(cardNumberInput(page)).toHaveValue(CARDS.kbCheck);
    await page.clock.fastForward('00:15');
    await expectCardFieldsWiped(page);
    await expect(
      page.getByRole('status').filter({ hasText: '3분 동안 입력이 없어 카드 정보를 지웠습니다' }),
    ).toBeVisible();
    await expect(uidInput(page)).toHaveValue(uid);

    await cardNumberInput(page).pressSequentially(CARDS.kbCheck.replace(/-/g, ''));
    await pwdInput(page).fill('12');
    await page.getByRole('button', { name: '카드 정보 지우기' }).click();
    await expectCardFieldsWiped(page);
    await expect(cardNumberInput(page)).toBeFocused();
  });

  test('[DAY] typing keeps the session alive; a minute before the idle end 계속 extends it; at the end a sign-in dialog opens', async ({
    page,
  }) => {
    await page.clock.install();
    let accountCalls = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/account') accountCalls += 1;
    });
    await openIssueForm(page);
    await expect.poll(() => accountCalls).toBe(1);
    await page.clock.fastForward('00:31');
    const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/account');
    await uidInput(page).pressSequentially('abc');
    await answered;
    await expect.poll(() => accountCalls).toBe(2);
    await page.waitForTimeout(200); // the answer's new end time is in the page's state

    await page.clock.fastForward('14:05');
    const warning = page.getByRole('alert').filter({ hasText: '로그인이 끝납니다' });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('15분 동안 입력이 없었습니다');
    await expectNoAxeViolations(page);
    // From the keyboard (a pointer press anywhere on the form is activity and extends it by itself).
    await warning.getByRole('button', { name: '계속' }).focus();
    await page.keyboard.press('Enter');
    await expect(warning).toHaveCount(0);

    // Left alone until the idle end, with the session gone on the server: the sign-in dialog.
    await page.context().clearCookies();
    await page.clock.fastForward('15:05');
    const dialog = page.getByRole('dialog', { name: '다시 로그인하세요' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('입력한 내용은 이 화면에 그대로 있습니다');
    // The form behind the modal dialog is hidden from the accessibility tree, but kept.
    await expect(page.locator('#customer_uid')).toHaveValue('abc');
  });

  test('[DAY] a submission cut off by the session end is sent again after signing in over the form, with the same key', async ({
    page,
  }) => {
    const keys = recordIssueKeys(page);
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('reauth'), card: CARDS.kbCheck, customerName: '김민수' });
    const dialog = await submitAfterSessionEnds(page, E2E.staffEmail('agent'));
    await expect(dialog).toContainText('한 번만 다시 요청합니다');
    await expectNoAxeViolations(page);
    await page.keyboard.type(E2E.staffPassword);
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(issued(page)).toContainText('김민수');
    expectOneKeyTwice(keys);
  });

  test('[DAY] the same card under another customer_uid shows the existing ids and names before issuing', async ({
    page,
  }) => {
    const digits = markerCardDigits();
    const first = uniqueUid('dup_first');
    await openIssueForm(page);
    await fillCard(page, { uid: first, card: digits, customerName: '이중카드' });
    await submitButton(page).click();
    await expect(issued(page)).toBeVisible();
    await page.getByRole('button', { name: '새 고객 입력' }).click();
    await expect(uidInput(page)).toBeFocused();

    let issuances = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/billing-keys') issuances += 1;
    });
    await fillCard(page, { uid: uniqueUid('dup_second'), card: digits });
    await submitButton(page).click();
    const notice = page.getByRole('region', { name: '같은 카드가 이미 다른 고객 결제수단 ID에 등록되어 있습니다' });
    await expect(notice).toContainText(first);
    await expect(notice).toContainText('이중카드');
    await expect(notice.getByRole('heading')).toBeFocused();
    await expectNoAxeViolations(page);
    expect(issuances).toBe(0);
    await notice.getByRole('button', { name: '그래도 새로 발급' }).click();
    await expect(issued(page)).toBeVisible();
    expect(issuances).toBe(1);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('[DAY] the issued card is scrolled to the top of the screen, not left at its bottom edge', async ({ page }) => {
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('phone'), card: CARDS.kbCheck });
    await submitButton(page).click();
    await expect(issued(page).getByRole('heading')).toBeFocused();
    await expect(async () => {
      const box = await issued(page).boundingBox();
      expect(box?.y ?? Infinity).toBeLessThan(844 / 3);
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    }).toPass({ timeout: 5_000 });
  });
});

test.describe('finding the customer again', () => {
  test.use({ storageState: E2E.storageState('admin') });

  test('[DAY] /keys finds a key by a pasted masked card number', async ({ page }) => {
    const digits = markerCardDigits();
    const uid = uniqueUid('masked');
    await openIssueForm(page);
    await fillCard(page, { uid, card: digits });
    await submitButton(page).click();
    await expect(issued(page)).toBeVisible();

    await page.goto('/keys');
    // Each search is a page load: wait for the URL to carry it, or the next one is typed into the
    // page being replaced (and the old results still on screen would pass the check).
    const searchFor = async (q: string) => {
      const search = page.getByRole('searchbox', { name: /^검색어/ });
      await search.fill(q);
      await search.press('Enter');
      await expect(page).toHaveURL((url) => url.searchParams.get('q') === q);
    };
    await searchFor(`****${digits.slice(-4)}`);
    await expect(page.getByRole('table').getByText(uid)).toBeVisible();
    await searchFor(`${digits.slice(0, 6)}**-****-${digits.slice(-4)}`);
    await expect(page.getByRole('table').getByText(uid)).toBeVisible();
    // Other first digits, same last 4: not this card.
    await searchFor(`400000******${digits.slice(-4)}`);
    await expect(page.getByRole('table').getByText(uid)).toHaveCount(0);
  });
});

test.describe('an agent on a key page', () => {
  test('[DAY] the back link leads to the issue form, not to a list the agent may not open', async ({ page }) => {
    const uid = uniqueUid('back');
    await openIssueForm(page);
    await fillCard(page, { uid, card: CARDS.kbCheck });
    await submitButton(page).click();
    await expect(issued(page)).toBeVisible();
    await page.goto(`/keys/${uid}`);
    const back = page.getByRole('link', { name: '← 빌링키 발급' });
    await expect(back).toHaveAttribute('href', '/keys/new');
    await back.click();
    await expect(page).toHaveURL(/\/keys\/new$/);
  });
});

test.describe('channel settings, as an admin', () => {
  test.use({ baseURL: E2E.liveAppUrl, storageState: E2E.storageState('admin') });

  test('[DAY] hiding the default channel says the default changed (nothing is saved here)', async ({ page }) => {
    await page.goto('/settings/channels');
    const name = '나이스페이먼츠(신) 테스트';
    await page.getByRole('radio', { name: `${name} 기본 채널` }).check();
    await page.getByRole('checkbox', { name: `${name} 상담원에게 숨김` }).check();
    await expect(
      page.getByRole('radio', { name: '기본 채널 없음' }).or(page.getByLabel(/^기본 채널 없음/)),
    ).toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: `기본 채널이던 ${name}을(를) 숨겨서` })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
