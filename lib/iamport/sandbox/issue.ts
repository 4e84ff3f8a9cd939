import 'server-only';
import type { CustomerAnnotation, PgChannel } from '../types';
import { BodyError, readParams, type Params } from './body';
import {
  cardDigits,
  expiryInPast,
  lookupBin,
  luhnValid,
  MAGIC_BIN_ENTRY,
  maskCardNumber,
  parseExpiry,
  type BinEntry,
} from './cards';
import { chooseChannel } from './channels';
import { nowSeconds, type ApiCall, type SandboxContext } from './context';
import { magicScenario } from './magic';
import { malformedPgField, missingPgField, pgCardFields, pgMessage, WRONG_BIRTH, WRONG_PASSWORD } from './pg-rules';
import {
  badRequest,
  droppedConnection,
  envelopeBody,
  htmlBadGateway,
  internalError,
  MESSAGES,
  missingParamsMessage,
  noKeyInModule,
  ok,
  rejected,
  truncatedJson,
  unauthorized,
} from './responses';
import { storeKey } from './store';

export const MAX_CUSTOMER_UID_LENGTH = 80;
const PASSWORD_CHECK = { pwd_2digit: '12', birth: '880101' } as const;

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

function buildAnnotation(
  uid: string,
  channel: PgChannel,
  entry: BinEntry,
  digits: string,
  params: Params,
  inserted: number,
  updated: number,
): CustomerAnnotation {
  const card = pgCardFields(channel.pg_provider, entry, params);
  return {
    customer_uid: uid,
    pg_provider: channel.pg_provider,
    pg_id: channel.pg_id,
    sandbox: channel.sandbox,
    card_name: card.card_name,
    card_code: card.card_code,
    card_number: maskCardNumber(digits, channel.pg_provider),
    card_type: card.card_type,
    ...card.extras,
    customer_name: params.customer_name ?? null,
    customer_tel: params.customer_tel ?? null,
    customer_email: params.customer_email ?? null,
    customer_addr: params.customer_addr ?? null,
    customer_postcode: params.customer_postcode ?? null,
    inserted,
    updated,
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

/** `POST /subscribe/customers/{customer_uid}` (SPEC.md §3). */
export async function issueBillingKey(ctx: SandboxContext, call: ApiCall, uid: string): Promise<Response> {
  if (uid.length > MAX_CUSTOMER_UID_LENGTH) {
    return badRequest(`customer_uid는 최대 ${MAX_CUSTOMER_UID_LENGTH}자까지 허용됩니다. (현재 ${uid.length}자)`);
  }
  let params: Params;
  try {
    params = await readParams(call.request);
  } catch (error) {
    if (error instanceof BodyError) return badRequest(error.message);
    throw error;
  }
  const missing = (['card_number', 'expiry'] as const).filter((name) => params[name] === undefined);
  if (missing.length > 0) return badRequest(missingParamsMessage(missing));

  const key = storeKey(call.tier, uid);
  const digits = cardDigits(params.card_number ?? '');
  const scenario = digits ? magicScenario(digits) : undefined;
  if (scenario === 'token_expiry' && tripsTokenExpiry(ctx, call, key)) return unauthorized();

  const choice = chooseChannel(ctx.channels, params.pg, params.channel_key);
  if (!choice.ok || scenario === 'no_keyin_module') return noKeyInModule();
  const { channel } = choice;
  const now = nowSeconds(ctx);

  if (scenario === 'http_500') return internalError();
  if (scenario === 'html_error') return htmlBadGateway();
  if ((scenario === 'truncated_json' || scenario === 'connection_drop') && digits) {
    const body = envelopeBody(0, null, buildAnnotation(uid, channel, MAGIC_BIN_ENTRY, digits, params, now, now));
    return scenario === 'truncated_json' ? truncatedJson(body) : droppedConnection(body);
  }

  const pgFailure = missingPgField(channel.pg_provider, params) ?? malformedPgField(channel.pg_provider, params);
  if (pgFailure) return rejected(pgFailure);

  const entry =
    digits && digits.length >= 14 && digits.length <= 16 && luhnValid(digits)
      ? (lookupBin(digits) ?? (scenario && scenario !== 'invalid_card' ? MAGIC_BIN_ENTRY : undefined))
      : undefined;
  if (!digits || !entry) return rejected(MESSAGES.invalidCard);

  const expiry = parseExpiry(params.expiry ?? '');
  if (!expiry || expiryInPast(expiry, ctx.clock()) || scenario === 'expired') return rejected(MESSAGES.expiredCard);
  if (scenario === 'declined') return rejected(MESSAGES.declined);
  if (scenario === 'password_check') {
    if (params.pwd_2digit !== PASSWORD_CHECK.pwd_2digit) {
      return rejected(pgMessage('nice_v2', WRONG_PASSWORD.code, WRONG_PASSWORD.text));
    }
    if (params.birth !== PASSWORD_CHECK.birth)
      return rejected(pgMessage('nice_v2', WRONG_BIRTH.code, WRONG_BIRTH.text));
  }
  if (scenario === 'slow') await waitUnlessAborted(ctx.slowMs, call.request.signal);

  const issuedAt = scenario === 'slow' ? nowSeconds(ctx) : now;
  const existing = await ctx.store.get(key);
  const inserted = existing?.inserted ?? issuedAt;
  const updated = existing ? Math.max(issuedAt, existing.inserted + 1) : issuedAt;
  const annotation = buildAnnotation(uid, channel, entry, digits, params, inserted, updated);
  await ctx.store.set(key, annotation);
  ctx.tokenExpiryTrips.delete(key);
  return ok(annotation);
}
