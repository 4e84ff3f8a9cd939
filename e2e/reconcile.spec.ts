import { expect, test, type APIRequestContext } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { expectNoAxeViolations } from './helpers';
import { E2E } from './ports';

test.use({ baseURL: E2E.liveAppUrl });

const sandboxKey = (uid: string) => `${E2E.sandboxUrl}/__sandbox/keys/${encodeURIComponent(uid)}`;

async function seedKey(request: APIRequestContext, prefix: string): Promise<string> {
  const uid = uniqueUid(prefix);
  const response = await request.post('/api/billing-keys', {
    data: {
      customer_uid: uid,
      pg: 'nice.nictest04m',
      card_number: CARDS.kbCheck,
      expiry: '2030-12',
      customer_name: '홍길동',
    },
  });
  expect(response.status()).toBe(201);
  return uid;
}

test.describe('reconcile with Iamport', () => {
  test('[RECONCILE] lists the keys changed or deleted at Iamport; "확인함" removes one', async ({ page, request }) => {
    const same = await seedKey(request, 'rec_same');
    const changed = await seedKey(request, 'rec_changed');
    const missing = await seedKey(request, 'rec_missing');
    const live = await (await request.get(sandboxKey(changed))).json();
    await request.put(sandboxKey(changed), {
      data: {
        card_number: '5409260000000006',
        card_code: '368',
        card_name: '롯데카드',
        updated: live.response.updated + 300,
      },
    });
    await request.delete(sandboxKey(missing));

    await page.goto('/reconcile');
    await expect(page.getByRole('heading', { level: 1, name: 'Iamport 대조' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Iamport와 대조 실행' }).click();
    await expect(page.getByRole('status').filter({ hasText: '대조를 마쳤습니다' })).toBeVisible({ timeout: 30_000 });
    // Focus goes on to what the run found (the button it left was disabled while it ran).
    await expect(page.getByRole('heading', { level: 2, name: /^확인이 필요한 빌링키/ })).toBeFocused();
    await expect(page.getByRole('definition').first()).toBeVisible();

    const findings = page.getByRole('table', { name: /Iamport에서 변경되었거나 없어진 빌링키/ });
    await expect(findings.getByRole('row', { name: new RegExp(changed) })).toContainText('Iamport에서 변경됨');
    await expect(findings.getByRole('row', { name: new RegExp(missing) })).toContainText('Iamport에 없음');
    await expect(findings.getByRole('row', { name: new RegExp(missing) })).toContainText('52728900****0004');
    // Beside each finding, the card at Iamport now: the replaced Lotte card, or none.
    const changedRow = findings.getByRole('row', { name: new RegExp(changed) });
    await expect(changedRow).toContainText('52728900****0004'); // what the console recorded
    await expect(changedRow).toContainText('롯데카드 54092600****0006');
    await expect(findings.getByRole('row', { name: new RegExp(missing) })).toContainText('없음 (Iamport에서 삭제됨)');
    await expect(findings.getByRole('row', { name: new RegExp(same) })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: `${changed} 확인함` }).click();
    await expect(findings.getByRole('row', { name: new RegExp(changed) })).toHaveCount(0);
    await expect(findings.getByRole('row', { name: new RegExp(missing) })).toBeVisible();

    await page.reload();
    await expect(findings.getByRole('row', { name: new RegExp(missing) })).toBeVisible();
    await expect(findings.getByRole('row', { name: new RegExp(changed) })).toHaveCount(0);
    await expect(page.getByText('마지막 대조:')).toBeVisible();

    // The detail page agrees with what reconcile recorded.
    const detail = await (await request.get(`/api/billing-keys/${encodeURIComponent(changed)}`)).json();
    expect(detail.stored).toMatchObject({ liveState: 'changed' });
    expect(detail.stored.liveStateAcknowledgedAt).not.toBeNull();
  });

  test('[RECONCILE] names the keys it could not check', async ({ page, request }) => {
    const down = await seedKey(request, 'rec_down');
    const fault = `${E2E.sandboxUrl}/__sandbox/faults/${encodeURIComponent(down)}`;
    expect((await request.put(fault, { data: { kind: 'http_500' } })).status()).toBeLessThan(300);
    try {
      await page.goto('/reconcile');
      await page.getByRole('button', { name: 'Iamport와 대조 실행' }).click();
      await expect(page.getByRole('status').filter({ hasText: '대조를 마쳤습니다' })).toBeVisible({ timeout: 30_000 });
      const named = page.getByRole('list', { name: '확인하지 못한 빌링키 목록' });
      await expect(named.getByRole('link', { name: down, exact: true })).toHaveAttribute(
        'href',
        `/keys/${encodeURIComponent(down)}`,
      );
      await expect(page.getByRole('heading', { name: /^확인하지 못한 빌링키 \d+개$/ })).toBeVisible();
      await expectNoAxeViolations(page);
      // The API says it too, and the last run keeps the names after a reload.
      const overview = await (await request.get('/api/reconcile')).json();
      expect(overview.lastRun.unavailableUids).toContain(down);
      await page.reload();
      await expect(page.getByRole('list', { name: '확인하지 못한 빌링키 목록' })).toContainText(down);
    } finally {
      await request.delete(fault);
    }
  });

  test('[RECONCILE] the API runs a reconcile and reports counts; acknowledging an unknown uid is 404', async ({
    request,
  }) => {
    const missing = await seedKey(request, 'rec_api');
    await request.delete(sandboxKey(missing));
    const run = await request.post('/api/reconcile');
    expect(run.status()).toBe(200);
    const counts = await run.json();
    expect(counts.checked).toBeGreaterThanOrEqual(1);
    expect(counts.missing).toBeGreaterThanOrEqual(1);
    expect(counts.batches).toBeGreaterThanOrEqual(1);
    const overview = await (await request.get('/api/reconcile')).json();
    expect(overview.findings.map((finding: { customerUid: string }) => finding.customerUid)).toContain(missing);
    expect(overview.lastRun).toMatchObject({ result: 'success' });

    const ack = await request.post(`/api/billing-keys/${encodeURIComponent(missing)}/acknowledge`);
    expect(ack.status()).toBe(200);
    const after = await (await request.get('/api/reconcile')).json();
    expect(after.findings.map((finding: { customerUid: string }) => finding.customerUid)).not.toContain(missing);
    const unknown = await request.post(`/api/billing-keys/${encodeURIComponent(uniqueUid('rec_none'))}/acknowledge`);
    expect(unknown.status()).toBe(404);
  });
});
