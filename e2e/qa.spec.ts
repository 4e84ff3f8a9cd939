import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { CARDS } from './cards';
import { expectNoAxeViolations } from './helpers';
import { E2E } from './ports';

// A QA tester's signed-in session (e2e/auth.setup.ts), on the app in sandbox mode.
test.use({ storageState: E2E.storageState('qa') });

const NICE = '나이스페이 테스트';
const KCP = 'NHN KCP 테스트';
const NICE_KEY = 'channel-key-3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1001';
const KCP_KEY = 'channel-key-3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1003';

interface RunJson {
  id: string;
  status: string;
  results: {
    channelKey: string;
    scenario: string;
    customerUid: string | null;
    outcome: string;
    pgCode: string | null;
  }[];
  cleanup: { deleted: string[]; absent: string[]; failed: unknown[] };
}

/** Ticks a checkbox from the keyboard: focus, then Space. */
async function tick(page: Page, name: RegExp) {
  const box = page.getByRole('form', { name: '새 실행' }).getByRole('checkbox', { name });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

/** Starts a run through the API and waits until it has finished (cleanup included). */
async function runByApi(request: APIRequestContext, data: Record<string, unknown>): Promise<RunJson> {
  const started = await request.post('/api/qa/runs', { data });
  expect(started.status(), await started.text()).toBe(202);
  const { run } = (await started.json()) as { run: RunJson };
  let current = run;
  await expect
    .poll(
      async () => {
        current = ((await (await request.get(`/api/qa/runs/${run.id}`)).json()) as { run: RunJson }).run;
        return current.status;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe('completed');
  return current;
}

test.describe('the QA runner, as QA on the sandbox', () => {
  test('[QA] runs a small matrix from the keyboard: outcomes, latencies, the redacted request, the response and the cleanup', async ({
    page,
  }) => {
    await page.goto('/qa');
    await expect(page.getByRole('heading', { name: 'QA 실행', level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: '새 실행' });
    await expect(form.getByRole('checkbox', { name: new RegExp(NICE) })).toBeVisible();
    await expectNoAxeViolations(page);

    const none = form.getByRole('button', { name: '모두 해제' });
    await none.focus();
    await page.keyboard.press('Enter');
    await expect(form.getByRole('checkbox', { name: /success$/ })).not.toBeChecked();
    await tick(page, new RegExp(NICE));
    await tick(page, new RegExp(KCP));
    await tick(page, /\ssuccess$/);
    await tick(page, /\sdeclined$/);
    await tick(page, /\sslow$/);
    // The timeout is a listbox (Radix Select): opened with Enter, picked by typing its first character.
    const timeout = form.getByRole('combobox', { name: '발급 타임아웃' });
    await expect(timeout).toHaveText('10초');
    await timeout.focus();
    await page.keyboard.press('Enter');
    const listbox = page.getByRole('listbox');
    await expect(listbox.getByRole('option', { name: '10초' })).toBeFocused();
    await page.keyboard.type('2');
    await expect(listbox.getByRole('option', { name: '2초' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(listbox).toHaveCount(0);
    await expect(timeout).toBeFocused();
    await expect(timeout).toHaveText('2초');
    await form.getByRole('button', { name: '실행' }).focus();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/qa\?run=[0-9a-f-]{36}$/);
    // Focus goes on to the run's results, not to the top of the page.
    await expect(page.getByRole('heading', { level: 2, name: /^실행 결과/ })).toBeFocused();
    const status = page.getByRole('status').filter({ hasText: /^완료:/ });
    await expect(status).toContainText('발급 2 · 거절 2 · 결과 불명 2 · 오류 0 · 건너뜀 0', { timeout: 30_000 });

    const matrix = page.getByRole('region', { name: 'QA 결과 매트릭스' });
    const cell = (channel: string, rest: RegExp) =>
      matrix.getByRole('button', { name: new RegExp(`^${channel} × ${rest.source}`) });
    await expect(cell(NICE, /정상 발급: 발급, [\d,]+ ms/)).toBeVisible();
    await expect(cell(KCP, /정상 발급: 발급, [\d,]+ ms/)).toBeVisible();
    await expect(cell(NICE, /PG 승인 거절: 거절 F114, [\d,]+ ms, 예상대로/)).toBeVisible();
    // The slow card answers after 4.5 s; the run gave up after 2 s.
    await expect(cell(KCP, /응답 지연 → 결과 불명: 결과 불명, 2,\d{3} ms/)).toBeVisible();

    // Open a rejected cell: Iamport's message, the explainer, the redacted request.
    const declined = cell(NICE, /PG 승인 거절/);
    await declined.focus();
    await page.keyboard.press('Enter');
    await expect(declined).toHaveAttribute('aria-expanded', 'true');
    const detail = page.getByRole('region', { name: '칸 자세히' });
    await expect(detail).toContainText('[F114]해당카드 사용불가 가맹점(타카드 사용요망)');
    await expect(detail).toContainText('무슨 뜻인가요?');
    await expect(detail.getByRole('region', { name: '요청 (마스킹됨)' })).toContainText(
      '"card_number": "4000-00**-****-0009"',
    );
    await expect(detail.getByRole('region', { name: '응답' })).toContainText('"code": -1');

    // An issued cell: the masked number went out, Iamport's envelope came back.
    const issued = cell(KCP, /정상 발급/);
    await issued.focus();
    await page.keyboard.press('Enter');
    await expect(detail.getByRole('region', { name: '요청 (마스킹됨)' })).toContainText(
      '"card_number": "5272-89**-****-0004"',
    );
    await expect(detail.getByRole('region', { name: '응답' })).toContainText('"code": 0');
    await expect(detail.getByRole('region', { name: '응답' })).toContainText('"pg_provider": "kcp"');
    const html = await page.content();
    for (const number of [CARDS.kbCheck, CARDS.declined, CARDS.slow]) {
      expect(html).not.toContain(number);
      expect(html).not.toContain(number.replace(/-/g, ''));
    }

    // Cleanup: both issued keys and both timed-out ones (the sandbox finishes those) are gone.
    const cleanup = page.getByRole('region', { name: '정리 결과' });
    await expect(cleanup).toContainText('삭제 4개');
    await expect(cleanup).toContainText('삭제 실패 0개');
    const runId = new URL(page.url()).searchParams.get('run') as string;
    const run = ((await (await page.request.get(`/api/qa/runs/${runId}`)).json()) as { run: RunJson }).run;
    const issuedUid = run.results.find((item) => item.outcome === 'issued')?.customerUid as string;
    expect(issuedUid).toMatch(/^qa_/);
    expect(run.cleanup.deleted).toContain(issuedUid);
    expect((await page.request.get(`/api/billing-keys/${issuedUid}`)).status()).toBe(404);

    // The run is in the history, and axe finds nothing on the finished page either.
    await expect(page.getByRole('region', { name: '실행 기록 표' })).toContainText(runId.slice(0, 8));
    await expectNoAxeViolations(page);
  });

  test('[QA] all channels at once: each PG answers the password check and a missing required field in its own form, and every cell is marked against its expectation', async ({
    page,
  }) => {
    await page.goto('/qa');
    const form = page.getByRole('form', { name: '새 실행' });
    const channelBoxes = form.getByRole('group', { name: /^채널/ }).getByRole('checkbox');
    await expect(channelBoxes).toHaveCount(7);
    await form.getByRole('button', { name: '모든 채널 선택' }).click();
    for (const box of await channelBoxes.all()) await expect(box).toBeChecked();
    await form.getByRole('button', { name: '채널 선택 해제' }).click();
    for (const box of await channelBoxes.all()) await expect(box).not.toBeChecked();
    await form.getByRole('button', { name: '모든 채널 선택' }).click();
    await form.getByRole('button', { name: '모두 해제' }).click();
    await tick(page, /\spassword_check$/);
    await tick(page, /\smissing_pg_field$/);
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: '실행' }).click();

    const status = page.getByRole('status').filter({ hasText: /^완료:/ });
    await expect(status).toContainText('건너뜀 0', { timeout: 30_000 });
    const matrix = page.getByRole('region', { name: 'QA 결과 매트릭스' });
    const escape = (text: string) => text.replace(/[()]/g, '\\$&');
    const cell = (channel: string, scenario: string, rest: string) =>
      matrix.getByRole('button', { name: new RegExp(`^${escape(channel)} × ${escape(scenario)}: ${rest}`) });
    // Password check: each PG's own reason code, not NICEPAY's "400" everywhere.
    const password = '비밀번호 앞 2자리 틀림';
    for (const [channel, code] of [
      [NICE, 'F115'],
      ['나이스페이먼츠(신) 테스트', 'F115'],
      [KCP, '8135'],
      ['토스페이먼츠 테스트', 'INVALID_PASSWORD'],
      ['KSNET 테스트', '7051'],
      ['웰컴페이먼츠 테스트', 'W205'],
      ['키움페이(다우) 테스트', '1005'],
    ] as const) {
      await expect(cell(channel, password, `거절 ${code}, [\\d,]+ ms, 예상대로 \\(자세히\\)$`), channel).toBeVisible();
    }
    // A missing PG-required field: refused by the PGs that require one, issued elsewhere.
    const missing = 'PG 필수 항목 누락';
    await expect(cell('KSNET 테스트', missing, '거절 V501, [\\d,]+ ms, 예상대로 \\(자세히\\)$')).toBeVisible();
    await expect(
      cell('토스페이먼츠 테스트', missing, '거절 INVALID_REQUEST, [\\d,]+ ms, 예상대로 \\(자세히\\)$'),
    ).toBeVisible();
    await expect(cell('웰컴페이먼츠 테스트', missing, '거절 W103, [\\d,]+ ms, 예상대로 \\(자세히\\)$')).toBeVisible();
    await expect(cell(NICE, missing, '발급, [\\d,]+ ms, 예상대로 \\(자세히\\)$')).toBeVisible();
    // Every mark is words, not only colour; the summary counts them.
    await expect(matrix.getByText('예상대로')).toHaveCount(14);
    await expect(matrix.getByText('예상과 다름')).toHaveCount(0);
    await expect(page.getByTestId('qa-match-summary')).toContainText('✓ 예상대로 14칸 · ✗ 예상과 다름 0칸');

    // The KSNET cell's detail: KSNET's whole message, its reason code, and what was left out.
    await cell('KSNET 테스트', password, '').click();
    const detail = page.getByRole('region', { name: '칸 자세히' });
    await expect(detail).toContainText('비밀번호오류 (응답코드 7051)');
    await expect(detail).toContainText('PG 코드 7051');
    await expect(detail).toContainText('무슨 뜻인가요?');
    await cell('KSNET 테스트', missing, '').click();
    await expect(detail).toContainText('생년월일(사업자번호) 미입력 (응답코드 V501)');
    await expect(detail).toContainText('생년월일 (birth) 빼고 보냄');
    await expectNoAxeViolations(page);
  });

  test('[QA] compares two runs side by side and highlights the cells that differ', async ({ page }) => {
    const base = { channelKeys: [NICE_KEY, KCP_KEY], scenarios: ['success', 'slow'] };
    // A: the slow card times out (2 s); B: it has time to answer (4.5 s < 10 s) and is issued.
    const a = await runByApi(page.request, { ...base, issueTimeoutMs: 2_000 });
    const b = await runByApi(page.request, { ...base, issueTimeoutMs: 10_000 });
    expect(a.results.filter((cell) => cell.scenario === 'slow').map((cell) => cell.outcome)).toEqual([
      'unknown',
      'unknown',
    ]);
    expect(b.results.filter((cell) => cell.scenario === 'slow').map((cell) => cell.outcome)).toEqual([
      'issued',
      'issued',
    ]);

    await page.goto('/qa');
    const compare = page.getByRole('form', { name: '두 실행 비교' });
    await compare.getByLabel('실행 A').selectOption(a.id);
    await compare.getByLabel('실행 B').selectOption(b.id);
    await compare.getByRole('button', { name: '두 실행 비교' }).click();
    await expect(page).toHaveURL(new RegExp(`/qa/compare\\?a=${a.id}&b=${b.id}$`));

    await expect(page.getByRole('heading', { name: '다른 칸 2개' })).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: `${NICE} × 응답 지연 → 결과 불명: A 결과 불명 → B 발급` }),
    ).toBeVisible();
    const matrixA = page.getByRole('region', { name: '실행 A 매트릭스' });
    const matrixB = page.getByRole('region', { name: '실행 B 매트릭스' });
    await expect(matrixA.getByText('다름', { exact: true })).toHaveCount(2);
    await expect(matrixB.getByText('다름', { exact: true })).toHaveCount(2);
    // B's slow cells were issued where the sandbox's scenario says "결과 불명": marked as not matching.
    await expect(matrixB.getByText('예상과 다름')).toHaveCount(2);
    await expect(matrixA.getByText('예상과 다름')).toHaveCount(0);
    await expect(matrixB.getByRole('row').filter({ hasText: '정상 발급' })).not.toContainText('다름');
    await expectNoAxeViolations(page);

    // A run that does not exist is said so.
    await page.goto(`/qa/compare?a=${a.id}&b=00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole('alert').filter({ hasText: '찾을 수 없습니다' })).toContainText(
      '실행 B를 찾을 수 없습니다',
    );
  });

  test('[QA] the API refuses an empty choice and a channel the merchant lacks', async ({ request }) => {
    const empty = await request.post('/api/qa/runs', { data: { channelKeys: [], scenarios: ['success'] } });
    expect(empty.status()).toBe(422);
    expect((await empty.json()).error.fields.channelKeys).toBe('채널을 하나 이상 고르세요.');
    const unknown = await request.post('/api/qa/runs', {
      data: { channelKeys: ['no-such-channel'], scenarios: ['success'] },
    });
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).error.fields.channelKeys).toContain('no-such-channel');
  });
});
