import { expect, test, type Page } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { expectNoAxeViolations } from './helpers';

/**
 * No form cuts what is typed (issue 12 §3): the field keeps every character, says "N자 초과 (최대 M자)"
 * beside its label, and submitting marks it invalid (the same zod schema as the server's).
 */
async function typesPastLimit(page: Page, field: ReturnType<Page['getByLabel']>, value: string, over: string) {
  await field.fill(value);
  await expect(field).toHaveValue(value);
  await expect(page.getByText(over)).toBeVisible();
}

test('[FORMS] the staff form keeps an 83-character name and says it is 3 over', async ({ page }) => {
  await page.goto('/settings/staff');
  const form = page.getByRole('form', { name: '직원 추가' });
  const name = form.getByRole('textbox', { name: /^이름/ });
  await typesPastLimit(page, name, '가'.repeat(83), '3자 초과 (최대 80자)');
  const password = form.getByLabel(/^초기 비밀번호/);
  await typesPastLimit(page, password, 'p'.repeat(130), '2자 초과 (최대 128자)');
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: '직원 계정 만들기' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
});

test('[FORMS] the link settings keep a long merchant name and say how much is over', async ({ page }) => {
  await page.goto('/settings/links');
  const merchant = page.getByRole('textbox', { name: /^가맹점 이름/ });
  await typesPastLimit(page, merchant, '상'.repeat(62), '2자 초과 (최대 60자)');
  const purpose = page.getByRole('textbox', { name: /^무엇을 등록하는지/ });
  await typesPastLimit(page, purpose, '안'.repeat(305), '5자 초과 (최대 300자)');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '저장' }).click();
  await expect(merchant).toHaveAttribute('aria-invalid', 'true');
});

test('[FORMS] the password change keeps a 130-character new password and says it is 2 over', async ({ page }) => {
  await page.goto('/settings/security');
  const form = page.getByRole('form', { name: '비밀번호 변경' });
  const fresh = form.getByLabel(/^새 비밀번호/).first();
  await typesPastLimit(page, fresh, 'n'.repeat(130), '2자 초과 (최대 128자)');
  await expectNoAxeViolations(page);
});

test('[FORMS] the delete reason keeps 205 characters, says it is 5 over, and the server refuses it too', async ({
  page,
  request,
}) => {
  const uid = uniqueUid('delete_long');
  const issued = await request.post('/api/billing-keys', {
    data: { customer_uid: uid, pg: 'nice.nictest04m', card_number: CARDS.kbCheck, expiry: '2030-12' },
  });
  expect(issued.status()).toBe(201);
  await page.goto(`/keys/${encodeURIComponent(uid)}`);
  const reason = page.getByRole('textbox', { name: /^삭제 사유/ });
  await typesPastLimit(page, reason, '사'.repeat(205), '5자 초과 (최대 200자)');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '빌링키 삭제…' }).click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('삭제 사유는 200자 이하로 입력하세요.')).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  const refused = await request.delete(`/api/billing-keys/${encodeURIComponent(uid)}`, {
    data: { reason: '사'.repeat(205) },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.fields.reason).toBe('삭제 사유는 200자 이하로 입력하세요.');
});

test('[FILTERS] a filter keeps an over-long value and says by how much it is over, beside the field', async ({
  page,
}) => {
  await page.goto(`/keys?q=${'a'.repeat(103)}`);
  const search = page.getByRole('searchbox', { name: /^검색어/ });
  await expect(search).toHaveValue('a'.repeat(103));
  await expect(search).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('3자 초과 (최대 100자)')).toBeVisible();
  await search.fill('b'.repeat(130));
  await expect(search).toHaveValue('b'.repeat(130));

  await page.goto(`/audit?actor=${'k'.repeat(201)}`);
  const actor = page.getByRole('textbox', { name: /^수행자 이메일/ });
  await expect(page.getByText('1자 초과 (최대 200자)')).toBeVisible();
  await expect(actor).toHaveValue('k'.repeat(201));
  await expect(actor).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});
