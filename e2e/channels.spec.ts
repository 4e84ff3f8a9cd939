import { expect, test, type Page } from '@playwright/test';
import { CARDS, uniqueUid } from './cards';
import { channelSelect, expectNoAxeViolations } from './helpers';
import { E2E } from './ports';

/*
 * Channel settings are global to a server, so these tests use the live-mode app (which talks to the
 * standalone sandbox over HTTP) and touch only what no other spec there relies on: daou is hidden,
 * and the default becomes nice_v2, which masks and refuses cards exactly as nice does for
 * live-mode.spec.ts. Defaults are restored in a finally block.
 */
test.use({ baseURL: E2E.liveAppUrl });

const DAOU = { name: '키움페이(다우) 테스트', key: 'channel-key-3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1007' };
const NICE_V2 = { name: '나이스페이먼츠(신) 테스트', key: 'channel-key-3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1002' };

interface ListedChannelJson {
  channelKey: string;
  hidden: boolean;
  isDefault: boolean;
}

async function restoreDefaults(page: Page) {
  const response = await page.request.put('/api/settings/channels', {
    data: { defaultChannelKey: null, hiddenChannelKeys: [] },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe.configure({ mode: 'serial' });

test.describe('channel settings, as an admin on the live-mode app', () => {
  test('[CHANNELS] lists every channel live with what it can do', async ({ page }) => {
    await page.goto('/settings/channels');
    await expect(page.getByRole('heading', { name: '채널 설정', level: 1 })).toBeVisible();
    const table = page.getByRole('region', { name: 'PG 채널 목록' });
    const daou = table.getByRole('row').filter({ hasText: DAOU.name });
    await expect(daou).toContainText('키움페이 (다우)');
    await expect(daou).toContainText('CTS16826');
    await expect(daou).toContainText(DAOU.key);
    await expect(daou).toContainText('테스트');
    await expect(daou).toContainText('API 키인');
    await expect(daou).toContainText('가능');
    const kakaopay = table.getByRole('row').filter({ hasText: '카카오페이 정기결제 테스트' });
    await expect(kakaopay).toContainText('결제창');
    await expect(kakaopay).toContainText('불가');
    await expect(kakaopay.getByRole('radio')).toBeDisabled();
    const danal = table.getByRole('row').filter({ hasText: '다날 본인인증 테스트' });
    await expect(danal).toContainText('본인인증');
    await expectNoAxeViolations(page);
  });

  test('[CHANNELS] a hidden channel is gone for agents and refused to them; the default is preselected', async ({
    page,
    browser,
  }) => {
    try {
      await page.goto('/settings/channels');
      const hide = page.getByRole('checkbox', { name: `${DAOU.name} 상담원에게 숨김` });
      await hide.focus();
      await page.keyboard.press('Space');
      await expect(hide).toBeChecked();
      await page.getByRole('radio', { name: `${NICE_V2.name} 기본 채널` }).check();
      await expect(page.getByRole('radio', { name: `${DAOU.name} 기본 채널` })).toBeDisabled();
      await page.getByRole('button', { name: '채널 설정 저장' }).click();
      await expect(page.getByRole('status').filter({ hasText: '채널 설정을 저장했습니다' })).toBeVisible();

      await page.reload();
      await expect(page.getByRole('checkbox', { name: `${DAOU.name} 상담원에게 숨김` })).toBeChecked();
      await expect(page.getByRole('radio', { name: `${NICE_V2.name} 기본 채널` })).toBeChecked();
      await expectNoAxeViolations(page);

      // Admins still see the hidden channel, flagged.
      const forAdmin = (await (await page.request.get('/api/channels')).json()) as { channels: ListedChannelJson[] };
      expect(forAdmin.channels.find((channel) => channel.channelKey === DAOU.key)).toMatchObject({
        hidden: true,
        isDefault: false,
      });

      const agentContext = await browser.newContext({
        storageState: E2E.storageState('agent'),
        baseURL: E2E.liveAppUrl,
      });
      try {
        const agent = await agentContext.newPage();
        await agent.goto('/keys/new');
        // The admin's default is preselected, and daou is not offered at all.
        await expect(channelSelect(agent)).toHaveValue(NICE_V2.key);
        await expect(channelSelect(agent).locator('option', { hasText: '다우' })).toHaveCount(0);
        await expect(channelSelect(agent).locator('option', { hasText: 'KCP' })).toHaveCount(1);

        const forAgent = (await (await agent.request.get('/api/channels')).json()) as { channels: ListedChannelJson[] };
        expect(forAgent.channels.map((channel) => channel.channelKey)).not.toContain(DAOU.key);
        expect(forAgent.channels.filter((channel) => channel.isDefault).map((channel) => channel.channelKey)).toEqual([
          NICE_V2.key,
        ]);

        // Typed by hand, the hidden channel is refused by the server before Iamport is called.
        const uid = uniqueUid('hidden_daou');
        const refused = await agent.request.post('/api/billing-keys', {
          data: { customer_uid: uid, pg: 'daou.CTS16826', card_number: CARDS.kbCheck, expiry: '2030-12' },
        });
        expect(refused.status()).toBe(422);
        expect((await refused.json()).error.fields.pg).toContain('숨겼습니다');
        const calls = await agent.request.get(`${E2E.sandboxUrl}/__sandbox/calls/${encodeURIComponent(uid)}`);
        expect((await calls.json()).calls.issue ?? 0).toBe(0);
      } finally {
        await agentContext.close();
      }
    } finally {
      await restoreDefaults(page);
    }
    const restored = (await (await page.request.get('/api/settings/channels')).json()) as {
      settings: { defaultChannelKey: string | null; hiddenChannelKeys: string[] };
    };
    expect(restored.settings).toMatchObject({ defaultChannelKey: null, hiddenChannelKeys: [] });
  });

  test('[CHANNELS] a hidden channel cannot be the default', async ({ page }) => {
    const response = await page.request.put('/api/settings/channels', {
      data: { defaultChannelKey: DAOU.key, hiddenChannelKeys: [DAOU.key] },
    });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.fields.defaultChannelKey).toBe('숨긴 채널은 기본 채널로 정할 수 없습니다.');
  });
});
