import 'server-only';
import type { UseCaseDeps } from '@/lib/runtime/deps';
import { canAny } from '@/lib/auth/permissions';
import { databaseUnavailable, getDb, type Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { PgChannel } from '@/lib/iamport';
import { getIamport, type IamportRuntime } from '@/lib/runtime';
import { getLogger } from '@/lib/log';
import { isKnownTestCard, TEST_CARD_ON_LIVE_MESSAGE } from '@/lib/gateways/test-cards';
import { getChannelSettings, withChannelFlags } from '@/lib/settings/channels';
import type { ListedChannel } from '@/lib/model/settings';
import type { Actor, RequestContext } from '@/lib/model/staff';
import { toAppError } from '@/lib/iamport/app-errors';

/** `GET /users/pg` changes rarely; a minute of caching keeps it off every issuance's path. */
const CACHE_MS = 60_000;
/** How old the last good channel list may be when Iamport cannot answer `GET /users/pg` now. */
export const STALE_CHANNELS_MAX_MS = 10 * 60_000;
export const CHANNELS_UNAVAILABLE_MESSAGE =
  '채널 목록을 Iamport에서 읽지 못해 채널 규칙을 확인할 수 없으므로 발급하지 않았습니다. 아무것도 보내지 않았습니다. 잠시 후 다시 시도하세요.';

interface ChannelCache {
  /** The read under way (or the latest one) and when it started. */
  pending?: { at: number; channels: Promise<PgChannel[]> };
  /** The last list Iamport gave, and when it was read. */
  good?: { at: number; channels: PgChannel[] };
}
const cache = new WeakMap<IamportRuntime, ChannelCache>();

/**
 * The channel list: a fresh one (read within a minute), else a new read; when that read fails, the
 * last good list if it is at most 10 minutes old. Without either it is refused (`channels_unavailable`,
 * 503): a guard that cannot decide says no.
 */
export async function cachedChannels(runtime: IamportRuntime, now = Date.now()): Promise<PgChannel[]> {
  let entry = cache.get(runtime);
  if (!entry) cache.set(runtime, (entry = {}));
  if (entry.good && now - entry.good.at >= 0 && now - entry.good.at < CACHE_MS) return entry.good.channels;
  if (!entry.pending || now - entry.pending.at >= CACHE_MS || now < entry.pending.at) {
    const channels = runtime.client.listChannels();
    const pending = { at: now, channels };
    entry.pending = pending;
    channels.then(
      (list) => {
        entry.good = { at: pending.at, channels: list };
      },
      () => {
        if (entry.pending === pending) entry.pending = undefined;
      },
    );
  }
  try {
    return await entry.pending.channels;
  } catch (error) {
    if (entry.good && now - entry.good.at <= STALE_CHANNELS_MAX_MS) {
      getLogger().warn({ err: error }, 'channel list unavailable; using the last good one');
      return entry.good.channels;
    }
    getLogger().warn({ err: error }, 'channel list unavailable; issuance refused');
    throw new AppError('channels_unavailable', CHANNELS_UNAVAILABLE_MESSAGE);
  }
}

/** The key-in channel a request names by channel_key, `provider.MID` or `provider`; null if none matches. */
export function matchChannel(channels: PgChannel[], request: { pg?: string; channel_key?: string }): PgChannel | null {
  const keyIn = channels.filter((channel) => channel.type === 'api_payment');
  if (request.channel_key) return keyIn.find((channel) => channel.channel_key === request.channel_key) ?? null;
  const [provider, mid] = (request.pg ?? '').split('.');
  return keyIn.find((channel) => channel.pg_provider === provider && (!mid || channel.pg_id === mid)) ?? null;
}

/** Admins and QA see (and may issue on) the channels hidden from agents; everyone else does not. */
export function seesHiddenChannels(actor: Actor | null): boolean {
  return actor === null || canAny(actor.role, ['settings.manage', 'qa.run']);
}

/** The admin's channel settings; an unreachable database is the 503 that promises nothing was sent. */
async function channelSettings(db: Db | undefined) {
  try {
    return await getChannelSettings(db ?? (await getDb()));
  } catch (error) {
    throw error instanceof AppError ? error : databaseUnavailable(error);
  }
}

export const HIDDEN_CHANNEL_MESSAGE =
  '이 채널은 관리자가 상담원용 발급 채널에서 숨겼습니다. 채널 목록에 있는 다른 채널을 고르세요.';

/**
 * `GET /api/channels`: the merchant's channels with the admin's default and hidden flags; hidden
 * ones are left out for an actor who may not see them.
 */
export async function listChannelsFor(context: RequestContext, deps: UseCaseDeps = {}): Promise<ListedChannel[]> {
  const runtime = deps.runtime ?? getIamport();
  let channels: PgChannel[];
  try {
    channels = await runtime.client.listChannels();
  } catch (error) {
    throw toAppError(error, 'read');
  }
  const settings = await channelSettings(deps.db);
  const listed = withChannelFlags(channels, settings);
  return seesHiddenChannels(context.actor) ? listed : listed.filter((channel) => !channel.hidden);
}

/**
 * Checks the chosen channel before anything is sent: it must exist (Iamport would silently fall
 * back to the default PG), an agent may not use a channel the admin hid, test cards never go to a
 * live channel, and QA stays on test channels. Without a channel list (fresh, or the last good one
 * within 10 minutes) nothing is issued (503).
 */
export async function checkChannel(
  request: { pg?: string; channel_key?: string; card_number: string },
  runtime: IamportRuntime,
  actor: Actor | null,
  options: { db?: Db; now?: number } = {},
): Promise<PgChannel> {
  const channels = await cachedChannels(runtime, options.now);
  const channel = matchChannel(channels, request);
  if (!channel) {
    throw new AppError('validation_failed', '선택한 채널을 찾을 수 없습니다.', {
      fields: {
        [request.channel_key ? 'channel_key' : 'pg']:
          `이 가맹점에 "${request.channel_key ?? request.pg}" 키인(API) 채널이 없습니다. 잘못된 값은 Iamport가 기본 PG로 바꿔 발급하므로 채널 목록에서 고르세요.`,
      },
    });
  }
  if (!seesHiddenChannels(actor)) {
    const { hiddenChannelKeys } = await channelSettings(options.db);
    if (hiddenChannelKeys.includes(channel.channel_key)) {
      throw new AppError('validation_failed', HIDDEN_CHANNEL_MESSAGE, {
        fields: { [request.channel_key ? 'channel_key' : 'pg']: HIDDEN_CHANNEL_MESSAGE },
      });
    }
  }
  if (!channel.sandbox && isKnownTestCard(request.card_number)) {
    throw new AppError('validation_failed', TEST_CARD_ON_LIVE_MESSAGE, {
      fields: { card_number: TEST_CARD_ON_LIVE_MESSAGE },
    });
  }
  if (actor?.role === 'qa' && !channel.sandbox) {
    throw new AppError(
      'forbidden',
      'QA 역할은 테스트 채널에서만 발급할 수 있습니다. 실제 채널은 관리자가 확인하고 발급해야 합니다.',
    );
  }
  return channel;
}
