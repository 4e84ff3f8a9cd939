import { expect, test } from '@playwright/test';
import { CARDS, markerCardDigits, uniqueUid } from './cards';
import {
  birthInput,
  cardNumberInput,
  chooseChannel,
  expectCardFieldsWiped,
  expectNoAxeViolations,
  expiryInput,
  fillCard,
  openIssueForm,
  pwdInput,
  submitButton,
  uidInput,
} from './helpers';
import { E2E } from './ports';

// A phone agent's signed-in session (e2e/auth.setup.ts).
test.use({ storageState: E2E.storageState('agent') });

test.describe('issuing a billing key in sandbox mode, as a phone agent', () => {
  test('[ISSUE] formats the card as typed and shows the issued key as a card', async ({ page }) => {
    await openIssueForm(page);
    await expect(page.getByRole('region', { name: '샌드박스 모드 안내' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '새 ID 만들기' }).click();
    await expect(uidInput(page)).toHaveValue(/^cust_\d{6}_[a-z0-9]{10}$/);
    const uid = await uidInput(page).inputValue();

    await cardNumberInput(page).pressSequentially('5272890000000004');
    await expect(cardNumberInput(page)).toHaveValue('5272-8900-0000-0004');
    await expiryInput(page).pressSequentially('203012');
    await expect(expiryInput(page)).toHaveValue('2030-12');
    await page.getByRole('textbox', { name: /^카드 소유자 이름/ }).fill('홍길동');
    await page.getByRole('textbox', { name: /^연락처/ }).fill('010-1234-5678');
    await submitButton(page).click();

    const card = page.getByRole('region', { name: '새 빌링키가 발급되었습니다' });
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading')).toBeFocused();
    await expect(card).toContainText('52728900****0004');
    await expect(card).toContainText('국민KB카드');
    await expect(card).toContainText('코드 381');
    await expect(card).toContainText('체크카드');
    await expect(card).toContainText('테스트 채널 (sandbox)');
    await expect(card).toContainText('신규');
    await expect(card).toContainText('나이스페이먼츠');
    await expect(card).toContainText('nictest04m');
    await expect(card).toContainText(uid);
    await expect(card).toContainText('홍길동');
    await expect(card).toContainText('010-1234-5678');
    await expect(card).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} KST/);
    await expect(card.getByRole('button', { name: '고객 결제수단 ID 복사' })).toBeVisible();
    await expectCardFieldsWiped(page);
    await expectNoAxeViolations(page);
  });

  test('[ISSUE] rejects a bad card number and a past expiry before calling Iamport', async ({ page }) => {
    const issuances: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/billing-keys') && request.method() === 'POST') issuances.push(request.url());
    });
    await openIssueForm(page);
    await uidInput(page).fill(uniqueUid('bad'));
    await cardNumberInput(page).pressSequentially('4111111111111112');
    await expiryInput(page).pressSequentially('202001');
    await submitButton(page).click();

    await expect(cardNumberInput(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(cardNumberInput(page)).toBeFocused();
    await expect(page.getByText('유효하지 않은 카드번호입니다. 한 자리씩 다시 확인하세요')).toBeVisible();
    await expect(expiryInput(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('유효기간이 지난 카드입니다.')).toBeVisible();
    // The message is tied to its field for screen readers.
    const describedBy = await cardNumberInput(page).getAttribute('aria-describedby');
    expect(describedBy).toContain('card_number-error');
    await expect(page.locator('#card_number-error')).toContainText('유효하지 않은 카드번호');
    await expectNoAxeViolations(page);

    await cardNumberInput(page).fill('');
    await cardNumberInput(page).pressSequentially('527289');
    await expect(page.getByText('카드번호는 16자리입니다 (예: 1234-5678-9012-3456). 지금 6자리입니다.')).toBeVisible();
    await expiryInput(page).fill('2030-13');
    await submitButton(page).click();
    await expect(
      page.getByText('유효기간의 월은 01부터 12까지입니다. 카드 앞면의 유효기간을 다시 확인하세요.'),
    ).toBeVisible();
    expect(issuances).toEqual([]);
  });

  test('[ISSUE] shows a PG rejection in full with the PG code apart', async ({ page }) => {
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('declined'), card: CARDS.declined, birth: '880101', pwd: '12' });
    await submitButton(page).click();
    const panel = page.getByRole('region', { name: '발급 거절' });
    await expect(panel).toBeVisible();
    await expect(panel.getByText('F114', { exact: true })).toBeVisible();
    await expect(panel).toContainText('카드정보 인증 및 빌키 발급에 실패하였습니다. [F114]');
    // The explainer says what it means and what to do, beside the raw message.
    await expect(panel.getByText('원인: 이 카드는 가맹점의 PG 계약으로 받을 수 없는 카드입니다.')).toBeVisible();
    await expect(panel.getByText(/^해결: 고객에게 다른 카드를 요청하세요/)).toBeVisible();
    await expectCardFieldsWiped(page);
    await expectNoAxeViolations(page);
  });

  test('[ISSUE] re-issuing to the same customer_uid shows it was replaced', async ({ page }) => {
    const uid = uniqueUid('replace');
    await openIssueForm(page);
    await fillCard(page, { uid, card: CARDS.kbCheck });
    await submitButton(page).click();
    await expect(page.getByRole('region', { name: '새 빌링키가 발급되었습니다' })).toBeVisible();

    await fillCard(page, { uid, card: CARDS.shinhanCredit });
    // Leaving the customer_uid field looked it up: the current card is shown before anything is sent.
    const notice = page.getByRole('region', { name: '이 고객 결제수단 ID에는 이미 카드가 등록되어 있습니다' });
    await expect(notice).toContainText('52728900****0004');
    await expectNoAxeViolations(page);
    await submitButton(page).click();
    const confirm = page.getByRole('checkbox', { name: /새 카드로 교체합니다/ });
    await expect(confirm).toBeFocused();
    await expect(confirm).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#replace_confirmed-error')).toContainText('확인란을 선택하세요');
    await expect(cardNumberInput(page)).toHaveValue(CARDS.shinhanCredit); // nothing was sent, nothing wiped
    await confirm.check();
    await submitButton(page).click();
    const card = page.getByRole('region', { name: '빌링키가 교체되었습니다' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('교체');
    await expect(card).toContainText('신한카드');
    await expect(card).toContainText('이전 빌링키는 PG에서 해지되지 않습니다');
    const times = await card.locator('time').allTextContents();
    expect(times).toHaveLength(2);
    expect(times[0]).not.toBe(times[1]);
  });

  test('[ISSUE] a timeout says the outcome is unknown and the lookup finds the key', async ({ page }) => {
    const uid = uniqueUid('slow');
    await openIssueForm(page);
    await fillCard(page, { uid, card: CARDS.slow });
    await submitButton(page).click();
    await expect(submitButton(page)).toBeDisabled();
    const panel = page.getByRole('region', { name: '결과를 알 수 없습니다' });
    await expect(panel).toBeVisible({ timeout: 15_000 });
    await expect(panel).toContainText('빌링키가 발급되었을 수도 있습니다');
    // The answer said nothing about the card: it stays until the look-up finds the key.
    await expect(cardNumberInput(page)).toHaveValue(CARDS.slow);
    // The sandbox finishes the slow issuance shortly after the app gave up, as a PG would.
    await expect(async () => {
      await panel.getByRole('button', { name: `${uid} 조회하기` }).click();
      await expect(panel.getByRole('region', { name: '조회 결과: 빌링키가 발급되어 있습니다' })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 15_000 });
    await expectCardFieldsWiped(page);
  });

  test('[ISSUE] KSNET requires birth and pwd_2digit and says so', async ({ page }) => {
    await openIssueForm(page);
    await chooseChannel(page, 'ksnet');
    await expect(page.getByText('KSNET은 카드 비밀번호 앞 2자리를 요구합니다.')).toBeVisible();
    await fillCard(page, { uid: uniqueUid('ksnet'), card: CARDS.kbCheck });
    await submitButton(page).click();
    await expect(birthInput(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(birthInput(page)).toBeFocused();
    await expect(page.locator('#birth-error')).toContainText('KSNET: 이 PG는 생년월일');
    await expect(page.locator('#pwd_2digit-error')).toContainText('KSNET: 이 PG는 카드 비밀번호 앞 2자리');

    await birthInput(page).fill('880101');
    await pwdInput(page).fill('12');
    await submitButton(page).click();
    await expect(page.getByRole('region', { name: '새 빌링키가 발급되었습니다' })).toContainText('ksnet');
  });

  test('[ISSUE] the chosen channel is marked TEST, and a real-looking card on it is warned about', async ({ page }) => {
    await openIssueForm(page);
    const marker = page.getByRole('status', { name: '발급 채널 표시' });
    await expect(marker).toContainText('TEST 테스트 채널');
    await expect(marker).toContainText('nice.nictest04m');
    await chooseChannel(page, 'kcp');
    await expect(marker).toContainText('kcp.');
    await cardNumberInput(page).pressSequentially(markerCardDigits());
    await expect(page.getByRole('alert').filter({ hasText: '실제 카드처럼 보입니다' })).toBeVisible();
    await cardNumberInput(page).fill('');
    await cardNumberInput(page).pressSequentially(CARDS.kbCheck.replace(/-/g, ''));
    await expect(page.getByText('실제 카드처럼 보입니다')).toHaveCount(0);
    // CVC is only asked for where a PG needs it.
    await expect(page.getByRole('textbox', { name: /^CVC/ })).toHaveCount(0);
  });

  test('[ISSUE] a double click issues once', async ({ page }) => {
    let posts = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/billing-keys') && request.method() === 'POST') posts += 1;
    });
    await openIssueForm(page);
    await fillCard(page, { uid: uniqueUid('double'), card: CARDS.kbCheck });
    await submitButton(page).dblclick();
    await expect(page.getByRole('region', { name: '새 빌링키가 발급되었습니다' })).toBeVisible();
    expect(posts).toBe(1);
  });

  test('[ISSUE] the whole form works from the keyboard alone', async ({ page }) => {
    await openIssueForm(page);
    // The first field to fill has focus; the channel is just before it.
    await expect(uidInput(page)).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('#channel')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(uidInput(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '새 ID 만들기' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(uidInput(page)).toHaveValue(/^cust_/);
    await page.keyboard.press('Tab');
    await expect(cardNumberInput(page)).toBeFocused();
    await page.keyboard.type('4518420000000007');
    await page.keyboard.press('Tab');
    await expect(expiryInput(page)).toBeFocused();
    await page.keyboard.type('203105');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: '새 빌링키가 발급되었습니다' })).toContainText('신한카드');
  });

  test('[ISSUE] every page shows the sandbox banner', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/keys\/new$/);
    await expect(page.getByRole('region', { name: '샌드박스 모드 안내' })).toBeVisible();
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: '페이지를 찾을 수 없습니다' })).toBeVisible();
    await expect(page.getByRole('region', { name: '샌드박스 모드 안내' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
