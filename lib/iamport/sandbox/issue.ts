import 'server-only';
import { passesLuhn } from '@/lib/card-number';
import type { CustomerAnnotation } from '../types';
import { readRequiredParams, type Params } from './body';
import {
  cardDigits,
  expiryInPast,
  lookupBin,
  MAGIC_BIN_ENTRY,
  maskCardNumber,
  parseExpiry,
  type BinEntry,
} from './cards';
import { chooseChannel, groupChannels } from './channels';
import { nowSeconds, type ApiCall, type SandboxContext } from './context';
import { findGroupKey, findKey, saveCardKey, saveGroupKey } from './keys';
import { magicScenario } from './magic';
import { malformedPgField, missingPgField, pgCardFields, pgRejection, type PgReason } from './pg-rules';
import {
  badRequest,
  droppedConnection,
  envelope,
  envelopeBody,
  htmlBadGateway,
  internalError,
  issueFailedMessage,
  noKeyInModule,
  ok,
  rejected,
  truncatedJson,
  unauthorized,
} from './responses';
import { storeKey } from './store';
import type {
  FailedChannelAnnotation,
  SandboxChannel,
  SandboxScenario,
  SucceededChannelAnnotation,
  SuperBillingKeyAnnotation,
} from './types';

export const MAX_CUSTOMER_UID_LENGTH = 80;
/** `channel_group_id` is at most 55 characters (OpenAPI `customer_save` parameters). */
export const MAX_CHANNEL_GROUP_ID_LENGTH = 55;
const PASSWORD_CHECK = { pwd_2digit: '12', birth: '880101' } as const;

type Scenario = Exclude<SandboxScenario, 'success'> | undefined;

/** Waits `ms`, or less if the caller hangs up; either way the work goes on afterwards. */
function waitUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The card fields a PG returns for an issued key: masked number, names, codes; never the card itself. */
function cardFields(channel: SandboxChannel, entry: BinEntry, digits: string, params: Params) {
  const card = pgCardFields(channel.pg_provider, entry, params);
  return {
    card_name: card.card_name,
    card_code: card.card_code,
    card_number: maskCardNumber(digits, channel.pg_provider),
    card_type: card.card_type,
    extras: card.extras,
  };
}

function customerFields(params: Params) {
  return {
    customer_name: params.customer_name ?? null,
    customer_tel: params.customer_tel ?? null,
    customer_email: params.customer_email ?? null,
    customer_addr: params.customer_addr ?? null,
    customer_postcode: params.customer_postcode ?? null,
  };
}

/** One channel's issuance: the channel, the card's BIN entry and digits, the request, its timestamps. */
interface ChannelIssue {
  channel: SandboxChannel;
  entry: BinEntry;
  digits: string;
  params: Params;
  inserted: number;
  updated: number;
}

function buildAnnotation(
  uid: string,
  { channel, entry, digits, params, inserted, updated }: ChannelIssue,
): CustomerAnnotation {
  const { extras, ...card } = cardFields(channel, entry, digits, params);
  return {
    customer_uid: uid,
    pg_provider: channel.pg_provider,
    pg_id: channel.pg_id,
    sandbox: channel.sandbox,
    ...card,
    ...extras,
    ...customerFields(params),
    inserted,
    updated,
  };
}

function buildSucceeded({
  channel,
  entry,
  digits,
  params,
  inserted,
  updated,
}: ChannelIssue): SucceededChannelAnnotation {
  const { extras, ...card } = cardFields(channel, entry, digits, params);
  // customer_id belongs to the whole super key, not to one channel.
  const channelExtras = { ...extras };
  delete channelExtras.customer_id;
  return {
    pg_provider: channel.pg_provider,
    pg_id: channel.pg_id,
    ...card,
    ...channelExtras,
    inserted,
    updated,
    update: updated,
  };
}

function buildSuper(
  uid: string,
  groupId: string,
  params: Params,
  succeededChannels: SucceededChannelAnnotation[],
  failedChannels: FailedChannelAnnotation[],
): SuperBillingKeyAnnotation {
  return {
    customer_uid: uid,
    channelGroupId: groupId,
    customer_id: params.customer_id ?? null,
    ...customerFields(params),
    succeededChannels,
    failedChannels,
  };
}

/**
 * `token_expiry` card: the token presented is expired on the spot unless it was issued after this
 * customer_uid last tripped, so a client that gets a fresh token and retries once gets through.
 */
function tripsTokenExpiry(ctx: SandboxContext, call: ApiCall, key: string): boolean {
  const trippedThrough = ctx.tokenExpiryTrips.get(key);
  if (trippedThrough !== undefined && call.token.generation > trippedThrough) return false;
  ctx.tokens.expire(call.token);
  ctx.tokenExpiryTrips.set(key, ctx.tokens.latestGeneration());
  return true;
}

type Verdict = { ok: true; entry: BinEntry } | { ok: false; type: FailedChannelAnnotation['type']; pgPart: string };

const refuse = (pgPart: string, type: FailedChannelAnnotation['type'] = 'PG_PROVIDER'): Verdict => ({
  ok: false,
  type,
  pgPart,
});

/**
 * What one channel's PG answers to this card (docs/iamport.md §3, §8), before anything is stored: each
 * PG in its own message form and with its own reason code (pg-rules.ts).
 */
function judge(
  ctx: SandboxContext,
  channel: SandboxChannel,
  params: Params,
  digits: string | null,
  scenario: Scenario,
): Verdict {
  const refuseFor = (reason: PgReason) => refuse(pgRejection(channel.pg_provider, reason).pgPart);
  const fieldFailure = missingPgField(channel.pg_provider, params) ?? malformedPgField(channel.pg_provider, params);
  if (fieldFailure) return refuse(fieldFailure, 'INVALID_REQUEST');

  const entry =
    digits && digits.length >= 14 && digits.length <= 16 && passesLuhn(digits)
      ? (lookupBin(digits) ?? (scenario && scenario !== 'invalid_card' ? MAGIC_BIN_ENTRY : undefined))
      : undefined;
  if (!entry) return refuseFor('invalid_card');

  const expiry = parseExpiry(params.expiry ?? '');
  if (!expiry || expiryInPast(expiry, ctx.clock()) || scenario === 'expired') return refuseFor('expired');
  if (scenario === 'declined') return refuseFor('declined');
  if (scenario === 'password_check') {
    if (params.pwd_2digit !== PASSWORD_CHECK.pwd_2digit) return refuseFor('wrong_password');
    if (params.birth !== PASSWORD_CHECK.birth) return refuseFor('wrong_birth');
  }
  return { ok: true, entry };
}

/** `inserted` kept from the key being replaced, `updated` moved (and never equal to `inserted` then). */
function timestamps(previousInserted: number | undefined, issuedAt: number): { inserted: number; updated: number } {
  if (previousInserted === undefined) return { inserted: issuedAt, updated: issuedAt };
  return { inserted: previousInserted, updated: Math.max(issuedAt, previousInserted + 1) };
}

type Target =
  { kind: 'channel'; channel: SandboxChannel } | { kind: 'group'; groupId: string; channels: SandboxChannel[] };

/** The body a transport-failure card cuts short: what the success would have been. */
function wouldBeBody(uid: string, target: Target, digits: string, params: Params, now: number): string {
  if (target.kind === 'channel') {
    return envelopeBody(
      0,
      null,
      buildAnnotation(uid, {
        channel: target.channel,
        entry: MAGIC_BIN_ENTRY,
        digits,
        params,
        inserted: now,
        updated: now,
      }),
    );
  }
  const succeeded = target.channels.map((channel) =>
    buildSucceeded({ channel, entry: MAGIC_BIN_ENTRY, digits, params, inserted: now, updated: now }),
  );
  return envelopeBody(0, null, buildSuper(uid, target.groupId, params, succeeded, []));
}

/** `channel_group_id`: issues on every key-in channel of the group; answers a SuperBillingKeyAnnotation. */
async function issueOnGroup(
  ctx: SandboxContext,
  call: ApiCall,
  uid: string,
  target: Extract<Target, { kind: 'group' }>,
  params: Params,
  digits: string | null,
  scenario: Scenario,
): Promise<Response> {
  const verdicts = target.channels.map((channel) => ({
    channel,
    verdict: judge(ctx, channel, params, digits, scenario),
  }));
  const failedChannels: FailedChannelAnnotation[] = [];
  for (const { channel, verdict } of verdicts) {
    if (!verdict.ok) {
      failedChannels.push({
        type: verdict.type,
        message: issueFailedMessage(verdict.pgPart),
        pg_provider: channel.pg_provider,
        pg_id: channel.pg_id,
      });
    }
  }
  const firstFailure = verdicts.find((item) => !item.verdict.ok)?.verdict;
  // Every channel refused: nothing is issued, and the answer is the first channel's rejection (unconfirmed).
  if (failedChannels.length === verdicts.length || !digits) {
    return rejected(
      firstFailure && !firstFailure.ok
        ? firstFailure.pgPart
        : pgRejection(target.channels[0]?.pg_provider ?? 'nice', 'invalid_card').pgPart,
    );
  }

  if (scenario === 'slow') await waitUnlessAborted(ctx.slowMs, call.request.signal);
  const issuedAt = nowSeconds(ctx);
  const previous = await findGroupKey(ctx, call.tier, uid);
  const succeededChannels: SucceededChannelAnnotation[] = [];
  for (const { channel, verdict } of verdicts) {
    if (!verdict.ok) continue;
    const before = previous?.succeededChannels.find(
      (item) => item.pg_provider === channel.pg_provider && item.pg_id === channel.pg_id,
    );
    const { inserted, updated } = timestamps(before?.inserted, issuedAt);
    succeededChannels.push(buildSucceeded({ channel, entry: verdict.entry, digits, params, inserted, updated }));
  }
  const annotation = buildSuper(uid, target.groupId, params, succeededChannels, failedChannels);
  await saveGroupKey(ctx, call.tier, annotation);
  ctx.tokenExpiryTrips.delete(storeKey(call.tier, uid));
  return ok(annotation);
}

/** `POST /subscribe/customers/{customer_uid}` (docs/iamport.md §3). */
export async function issueBillingKey(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  if (uid.length > MAX_CUSTOMER_UID_LENGTH) {
    return badRequest(`customer_uid는 최대 ${MAX_CUSTOMER_UID_LENGTH}자까지 허용됩니다. (현재 ${uid.length}자)`);
  }
  const params = await readRequiredParams(call.request, ['card_number', 'expiry']);
  if (params instanceof Response) return params;
  const groupId = params.channel_group_id;
  if (groupId !== undefined && groupId.length > MAX_CHANNEL_GROUP_ID_LENGTH) {
    return badRequest(`channel_group_id는 최대 ${MAX_CHANNEL_GROUP_ID_LENGTH}자까지 허용됩니다.`);
  }

  const key = storeKey(call.tier, uid);
  const digits = cardDigits(params.card_number ?? '');
  const scenario = digits ? magicScenario(digits) : undefined;
  if (scenario === 'token_expiry' && tripsTokenExpiry(ctx, call, key)) return unauthorized();

  let target: Target;
  if (groupId !== undefined) {
    // A group ignores `pg` and `channel_key` (docs/iamport.md §3).
    const channels = groupChannels(ctx.channels, groupId);
    if (channels.length === 0) return envelope(200, 1, `스마트 라우팅 그룹(${groupId})을 찾을 수 없습니다.`);
    if (scenario === 'no_keyin_module') return noKeyInModule();
    target = { kind: 'group', groupId, channels };
  } else {
    const choice = chooseChannel(ctx.channels, params.pg, params.channel_key);
    if (!choice.ok || scenario === 'no_keyin_module') return noKeyInModule();
    target = { kind: 'channel', channel: choice.channel };
  }
  const now = nowSeconds(ctx);

  if (scenario === 'http_500') return internalError();
  if (scenario === 'html_error') return htmlBadGateway();
  if ((scenario === 'truncated_json' || scenario === 'connection_drop') && digits) {
    const body = wouldBeBody(uid, target, digits, params, now);
    return scenario === 'truncated_json' ? truncatedJson(body) : droppedConnection(body);
  }

  if (target.kind === 'group') return issueOnGroup(ctx, call, uid, target, params, digits, scenario);

  const { channel } = target;
  const verdict = judge(ctx, channel, params, digits, scenario);
  if (!verdict.ok || !digits) {
    return rejected(verdict.ok ? pgRejection(channel.pg_provider, 'invalid_card').pgPart : verdict.pgPart);
  }
  if (scenario === 'slow') await waitUnlessAborted(ctx.slowMs, call.request.signal);

  const issuedAt = scenario === 'slow' ? nowSeconds(ctx) : now;
  const existing = await findKey(ctx, call.tier, uid);
  const { inserted, updated } = timestamps(
    existing?.kind === 'card' ? existing.annotation.inserted : undefined,
    issuedAt,
  );
  const annotation = buildAnnotation(uid, { channel, entry: verdict.entry, digits, params, inserted, updated });
  await saveCardKey(ctx, call.tier, annotation);
  ctx.tokenExpiryTrips.delete(key);
  return ok(annotation);
}
