import 'server-only';
import type { SandboxChannel } from './types';

/** The smart-routing group of the default channels (nice_v2, kcp, tosspayments). */
export const DEFAULT_CHANNEL_GROUP_ID = 'channel-group-sandbox-smart-routing';

const keyIn = (
  pg_provider: string,
  pg_id: string,
  channel_name: string,
  suffix: string,
  groups?: string[],
): SandboxChannel => ({
  pg_provider,
  pg_id,
  sandbox: true,
  type: 'api_payment',
  channel_name,
  channel_key: `channel-key-${suffix}`,
  ...(groups ? { channel_group_ids: groups } : {}),
});

/**
 * A test merchant: key-in channels for the billing-key PGs (three of them in a smart-routing group),
 * plus a window-only and a certification channel.
 */
export const DEFAULT_SANDBOX_CHANNELS: SandboxChannel[] = [
  keyIn('nice', 'nictest04m', '나이스페이 테스트', '3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1001'),
  keyIn('nice_v2', 'nictest00m', '나이스페이먼츠(신) 테스트', '3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1002', [
    DEFAULT_CHANNEL_GROUP_ID,
  ]),
  keyIn('kcp', 'BA001', 'NHN KCP 테스트', '3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1003', [DEFAULT_CHANNEL_GROUP_ID]),
  keyIn('tosspayments', 'tosstest', '토스페이먼츠 테스트', '3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1004', [
    DEFAULT_CHANNEL_GROUP_ID,
  ]),
  keyIn('ksnet', '2999199999', 'KSNET 테스트', '3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1005'),
  keyIn('welcome', 'welcometst', '웰컴페이먼츠 테스트', '3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1006'),
  keyIn('daou', 'CTS16826', '키움페이(다우) 테스트', '3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1007'),
  {
    pg_provider: 'kakaopay',
    pg_id: 'TCSUBSCRIP',
    sandbox: true,
    type: 'payment',
    channel_name: '카카오페이 정기결제 테스트',
    channel_key: 'channel-key-3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1008',
  },
  {
    pg_provider: 'danal',
    pg_id: 'A010002002',
    sandbox: true,
    type: 'certification',
    channel_name: '다날 본인인증 테스트',
    channel_key: 'channel-key-3f1c9a2e-0b6d-4e57-9a41-7c2d5e8b1009',
  },
];

export type ChannelChoice = { ok: true; channel: SandboxChannel } | { ok: false };

/**
 * The channel an issuance runs on: a known key-in `channel_key`, else the key-in channel `pg`
 * names (`provider` or `provider.MID`), else silently the first key-in channel (docs/iamport.md §3).
 */
export function chooseChannel(
  channels: readonly SandboxChannel[],
  pg: string | undefined,
  channelKey: string | undefined,
): ChannelChoice {
  const keyInChannels = channels.filter((channel) => channel.type === 'api_payment');
  if (channelKey !== undefined) {
    const byKey = keyInChannels.find((channel) => channel.channel_key === channelKey);
    return byKey ? { ok: true, channel: byKey } : { ok: false };
  }
  const fallback = keyInChannels[0];
  if (!fallback) return { ok: false };
  if (pg === undefined) return { ok: true, channel: fallback };
  const dot = pg.indexOf('.');
  const provider = dot === -1 ? pg : pg.slice(0, dot);
  const mid = dot === -1 ? undefined : pg.slice(dot + 1);
  const named = keyInChannels.find(
    (channel) => channel.pg_provider === provider && (mid === undefined || channel.pg_id === mid),
  );
  return { ok: true, channel: named ?? fallback };
}

/** The key-in channels of a smart-routing group, in configuration order; empty for an unknown group. */
export function groupChannels(channels: readonly SandboxChannel[], groupId: string): SandboxChannel[] {
  return channels.filter(
    (channel) => channel.type === 'api_payment' && (channel.channel_group_ids ?? []).includes(groupId),
  );
}
