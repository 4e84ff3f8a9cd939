import 'server-only';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import type { RequestContext } from '@/lib/model/staff';
import { toAppError } from '@/lib/iamport/app-errors';
import type { Db } from '@/lib/db';
import { settings } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import type { PgChannel } from '@/lib/iamport';
import type { IamportRuntime } from '@/lib/runtime';
import type { ChannelView } from '@/lib/model/billing-keys';
import { pgDisplayName, pgProviderInfo } from '@/lib/gateways/catalog';
import type {
  ChannelSettings,
  ChannelSettingsRow,
  ChannelSettingsValues,
  ChannelSettingsView,
  ListedChannel,
} from '@/lib/model/settings';

/** The issue form's preselected channel (a channel_key); no row means "the first key-in channel". */
/** A channel of `GET /users/pg` as the screens show it. */
export function toChannelView(channel: PgChannel): ChannelView {
  return {
    pgProvider: channel.pg_provider,
    pgId: channel.pg_id,
    sandbox: channel.sandbox,
    type: channel.type,
    channelName: channel.channel_name,
    channelKey: channel.channel_key,
    pg: channel.pg_id ? `${channel.pg_provider}.${channel.pg_id}` : channel.pg_provider,
    keyIn: channel.type === 'api_payment',
  };
}

export const CHANNELS_DEFAULT = 'channels.default';
/** Channel keys agents neither see nor may issue on. */
export const CHANNELS_HIDDEN = 'channels.hidden';

// A value written by hand or by an older version must not break the issue form: bad values read as unset.
const defaultValue = z.string().min(1).nullable().catch(null);
const hiddenValue = z.array(z.string().min(1)).catch([]);

export async function getChannelSettings(db: Db): Promise<ChannelSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, [CHANNELS_DEFAULT, CHANNELS_HIDDEN]));
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  const latest = rows.reduce<(typeof rows)[number] | undefined>(
    (last, row) => (!last || row.updatedAt > last.updatedAt ? row : last),
    undefined,
  );
  return {
    defaultChannelKey: defaultValue.parse(value(CHANNELS_DEFAULT) ?? null),
    hiddenChannelKeys: hiddenValue.parse(value(CHANNELS_HIDDEN) ?? []),
    updatedAt: latest?.updatedAt.toISOString() ?? null,
    updatedBy: latest?.updatedBy ?? null,
  };
}

async function writeChannelSettings(
  db: Db,
  values: ChannelSettingsValues,
  actorId: string,
  /** Runs in the same transaction (the audit events of the change). */
  alongside: (tx: Db) => Promise<void> = async () => {},
): Promise<void> {
  const at = new Date();
  await db.transaction(async (tx) => {
    const put = (key: string, value: unknown) =>
      tx
        .insert(settings)
        .values({ key, value, updatedBy: actorId, updatedAt: at })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: at } });
    await put(CHANNELS_HIDDEN, values.hiddenChannelKeys);
    if (values.defaultChannelKey) await put(CHANNELS_DEFAULT, values.defaultChannelKey);
    else await tx.delete(settings).where(eq(settings.key, CHANNELS_DEFAULT));
    await alongside(tx as unknown as Db);
  });
}

/** The channels with the admin's flags on them, in Iamport's order. */
export function withChannelFlags(channels: readonly PgChannel[], values: ChannelSettingsValues): ListedChannel[] {
  const hidden = new Set(values.hiddenChannelKeys);
  return channels.map((channel) => ({
    ...toChannelView(channel),
    hidden: hidden.has(channel.channel_key),
    isDefault: channel.channel_key === values.defaultChannelKey,
  }));
}

/** Can issue from this console: a key-in (`api_payment`) channel of a PG that issues by the key-in API. */
export function isIssuable(channel: Pick<PgChannel, 'type' | 'pg_provider'>): boolean {
  return channel.type === 'api_payment' && (pgProviderInfo(channel.pg_provider)?.keyIn ?? false);
}

/** `GET /users/pg` now, never cached: the settings page shows the merchant's channels as they are. */
async function liveChannels(runtime: IamportRuntime): Promise<PgChannel[]> {
  try {
    return await runtime.client.listChannels();
  } catch (error) {
    throw toAppError(error, 'read');
  }
}

function buildView(channels: PgChannel[], current: ChannelSettings): ChannelSettingsView {
  const rows: ChannelSettingsRow[] = withChannelFlags(channels, current).map((channel, index) => {
    const catalogKeyIn = pgProviderInfo(channel.pgProvider)?.keyIn ?? false;
    return {
      ...channel,
      providerName: pgDisplayName(channel.pgProvider),
      catalogKeyIn,
      issuable: isIssuable(channels[index] as PgChannel),
    };
  });
  const listed = new Set(channels.map((channel) => channel.channel_key));
  const saved = [current.defaultChannelKey, ...current.hiddenChannelKeys].filter((key): key is string => Boolean(key));
  return { channels: rows, settings: current, staleKeys: [...new Set(saved.filter((key) => !listed.has(key)))] };
}

export const channelSettingsView = defineUseCase(async ({ db, runtime }: Resolved): Promise<ChannelSettingsView> => {
  const [channels, current] = await Promise.all([liveChannels(runtime), getChannelSettings(db)]);
  return buildView(channels, current);
});

/**
 * Saves the default channel and the hidden ones, checked against the live channel list: the default
 * must be able to issue, a hidden key must be a channel the merchant has (or one already hidden).
 * Each changed setting is audited as `settings.update` with its old and new value.
 */
export const updateChannelSettings = defineUseCase(
  async (
    input: ChannelSettingsValues,
    context: RequestContext,
    { db, runtime }: Resolved,
  ): Promise<ChannelSettingsView> => {
    const [channels, previous] = await Promise.all([liveChannels(runtime), getChannelSettings(db)]);
    const fields: Record<string, string> = {};
    if (input.defaultChannelKey) {
      const chosen = channels.find((channel) => channel.channel_key === input.defaultChannelKey);
      if (!chosen) fields.defaultChannelKey = '기본 채널이 이 가맹점의 채널 목록에 없습니다.';
      else if (!isIssuable(chosen))
        fields.defaultChannelKey = 'API(키인)로 빌링키를 발급할 수 있는 채널만 기본 채널로 정할 수 있습니다.';
    }
    const known = new Set([...channels.map((channel) => channel.channel_key), ...previous.hiddenChannelKeys]);
    const unknown = input.hiddenChannelKeys.filter((key) => !known.has(key));
    if (unknown.length > 0) fields.hiddenChannelKeys = `채널 목록에 없는 채널입니다: ${unknown.join(', ')}`;
    if (Object.keys(fields).length > 0) {
      throw new AppError('validation_failed', '채널 설정을 저장하지 못했습니다. 표시된 항목을 확인하세요.', { fields });
    }

    const actorId = context.actor?.id ?? 'system';
    const changes: [string, unknown, unknown][] = [
      [CHANNELS_DEFAULT, previous.defaultChannelKey, input.defaultChannelKey],
      [CHANNELS_HIDDEN, previous.hiddenChannelKeys, input.hiddenChannelKeys],
    ];
    // The settings and their audit events: all written or none.
    await writeChannelSettings(db, input, actorId, async (tx) => {
      for (const [key, from, to] of changes) {
        if (JSON.stringify(from) === JSON.stringify(to)) continue;
        await recordAudit(tx, context, {
          action: 'settings.update',
          result: 'success',
          targetType: 'setting',
          targetId: key,
          details: { from, to },
        });
      }
    });
    return buildView(channels, await getChannelSettings(db));
  },
);
