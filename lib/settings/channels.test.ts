import { beforeEach, describe, expect, it } from 'vitest';
import { CARDS } from '@/e2e/cards';
import { listAuditEvents } from '@/lib/audit';
import type { Actor, RequestContext } from '@/lib/model/staff';
import { checkChannel, listChannelsFor } from '@/lib/billing-keys/channels';
import { issueBillingKey } from '@/lib/billing-keys/issue';
import { useCaseSuite } from '@/lib/testing/use-cases';
import { settings } from '@/lib/db/schema';
import { testEngines } from '@/lib/testing/db';
import { DEFAULT_SANDBOX_CHANNELS } from '@/lib/iamport/sandbox';
import { channelSettingsView, getChannelSettings, updateChannelSettings } from './channels';
import { channelSettingsSchema } from './schema';
import { rejection } from '@/lib/testing/errors';

const key = (provider: string) =>
  DEFAULT_SANDBOX_CHANNELS.find((channel) => channel.pg_provider === provider)?.channel_key as string;
const DAOU = key('daou');
const KCP = key('kcp');
const KAKAOPAY = key('kakaopay');

const context = (role: Actor['role']): RequestContext => ({
  actor: { id: `${role}-1`, email: `${role}@example.com`, role },
  ip: null,
});
const admin = context('admin');
const agent = context('agent');

describe('the channel settings input', () => {
  it('refuses a hidden default, and sorts and deduplicates the hidden keys', () => {
    expect(channelSettingsSchema.parse({ defaultChannelKey: null, hiddenChannelKeys: ['b', 'a', 'b'] })).toEqual({
      defaultChannelKey: null,
      hiddenChannelKeys: ['a', 'b'],
    });
    const hiddenDefault = channelSettingsSchema.safeParse({ defaultChannelKey: 'a', hiddenChannelKeys: ['a'] });
    expect(hiddenDefault.error?.issues[0]).toMatchObject({
      path: ['defaultChannelKey'],
      message: '숨긴 채널은 기본 채널로 정할 수 없습니다.',
    });
    expect(channelSettingsSchema.safeParse({}).success).toBe(false);
    expect(channelSettingsSchema.safeParse({ defaultChannelKey: null, hiddenChannelKeys: [], extra: 1 }).success).toBe(
      false,
    );
  });
});

describe.each(testEngines())('channel settings on $name', (engine) => {
  const { handle, runtime, deps } = useCaseSuite(engine);
  beforeEach(async () => {
    await handle.db.delete(settings);
  });

  it('lists every channel live with its Korean PG name and whether it can issue by API', async () => {
    const view = await channelSettingsView(deps());
    expect(view.channels).toHaveLength(DEFAULT_SANDBOX_CHANNELS.length);
    expect(view.channels.find((channel) => channel.channelKey === DAOU)).toMatchObject({
      providerName: '키움페이 (다우)',
      pgId: 'CTS16826',
      type: 'api_payment',
      sandbox: true,
      catalogKeyIn: true,
      issuable: true,
      hidden: false,
      isDefault: false,
    });
    expect(view.channels.find((channel) => channel.channelKey === KAKAOPAY)).toMatchObject({
      providerName: '카카오페이',
      type: 'payment',
      issuable: false,
    });
    expect(view.channels.find((channel) => channel.pgProvider === 'danal')).toMatchObject({
      type: 'certification',
      issuable: false,
    });
    expect(view.settings).toEqual({ defaultChannelKey: null, hiddenChannelKeys: [], updatedAt: null, updatedBy: null });
  });

  it('saves the default and hidden channels in the settings table and audits each change', async () => {
    const view = await updateChannelSettings({ defaultChannelKey: KCP, hiddenChannelKeys: [DAOU] }, admin, deps());
    expect(view.settings).toMatchObject({ defaultChannelKey: KCP, hiddenChannelKeys: [DAOU], updatedBy: 'admin-1' });
    expect(view.channels.find((channel) => channel.channelKey === DAOU)?.hidden).toBe(true);
    expect(view.channels.find((channel) => channel.channelKey === KCP)?.isDefault).toBe(true);
    const rows = await handle.db.select().from(settings);
    expect(Object.fromEntries(rows.map((row) => [row.key, row.value]))).toEqual({
      'channels.default': KCP,
      'channels.hidden': [DAOU],
    });
    const events = await listAuditEvents(handle.db, { action: 'settings.update' });
    expect(events.map((event) => [event.targetId, event.details])).toEqual(
      expect.arrayContaining([
        ['channels.default', { from: null, to: KCP }],
        ['channels.hidden', { from: [], to: [DAOU] }],
      ]),
    );

    await updateChannelSettings({ defaultChannelKey: null, hiddenChannelKeys: [] }, admin, deps());
    expect(await getChannelSettings(handle.db)).toMatchObject({ defaultChannelKey: null, hiddenChannelKeys: [] });
    const [latest] = await listAuditEvents(handle.db, { action: 'settings.update', targetId: 'channels.default' });
    expect(latest?.details).toEqual({ from: KCP, to: null });
  });

  it('refuses a default that cannot issue by API and a hidden channel the merchant does not have', async () => {
    const error = await rejection(
      updateChannelSettings({ defaultChannelKey: KAKAOPAY, hiddenChannelKeys: ['no-such-channel'] }, admin, deps()),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields?.defaultChannelKey).toContain('API(키인)');
    expect(error.details.fields?.hiddenChannelKeys).toContain('no-such-channel');
    expect(await handle.db.select().from(settings)).toEqual([]);
  });

  it('leaves hidden channels out of the list for agents, and flags them for admins and QA', async () => {
    await updateChannelSettings({ defaultChannelKey: KCP, hiddenChannelKeys: [DAOU] }, admin, deps());
    const forAgent = await listChannelsFor(agent, deps());
    expect(forAgent.map((channel) => channel.channelKey)).not.toContain(DAOU);
    expect(forAgent).toHaveLength(DEFAULT_SANDBOX_CHANNELS.length - 1);
    expect(forAgent.filter((channel) => channel.isDefault).map((channel) => channel.channelKey)).toEqual([KCP]);
    for (const role of ['admin', 'qa'] as const) {
      const listed = await listChannelsFor(context(role), deps());
      expect(listed.find((channel) => channel.channelKey === DAOU)).toMatchObject({
        hidden: true,
        isDefault: false,
        keyIn: true,
      });
    }
  });

  it('refuses an agent issuing on a hidden channel, by key or by pg, before Iamport is called', async () => {
    await updateChannelSettings({ defaultChannelKey: null, hiddenChannelKeys: [DAOU] }, admin, deps());
    const byKey = await rejection(
      checkChannel({ channel_key: DAOU, card_number: CARDS.kbCheck }, runtime, agent.actor, { db: handle.db }),
    );
    expect(byKey.code).toBe('validation_failed');
    expect(byKey.details.fields?.channel_key).toContain('숨겼습니다');
    const byPg = await rejection(
      checkChannel({ pg: 'daou', card_number: CARDS.kbCheck }, runtime, agent.actor, { db: handle.db }),
    );
    expect(byPg.details.fields?.pg).toContain('숨겼습니다');
    expect(
      await checkChannel({ pg: 'kcp', card_number: CARDS.kbCheck }, runtime, agent.actor, { db: handle.db }),
    ).not.toBeNull();
    expect(
      await checkChannel({ pg: 'daou', card_number: CARDS.kbCheck }, runtime, admin.actor, { db: handle.db }),
    ).not.toBeNull();

    runtime.sandbox.resetStats();
    const refused = await rejection(
      issueBillingKey(
        { customer_uid: 'hidden_channel_agent', pg: 'daou.CTS16826', card_number: CARDS.kbCheck, expiry: '2030-12' },
        agent,
        { runtime, db: handle.db },
      ),
    );
    expect(refused.details.fields?.pg).toContain('숨겼습니다');
    expect(runtime.sandbox.stats().issue).toBe(0);
  });
});
