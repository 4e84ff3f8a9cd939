import 'server-only';
import type { PgChannel } from '@/lib/iamport/types';
import { pgRejection, SANDBOX_CARDS, sandboxMissingFieldCode } from '@/lib/iamport/sandbox';
import { requiredFieldsFor } from '@/lib/gateways/catalog';
import type { IssueBillingKeyBody } from '@/lib/iamport/types';
import type { QaScenario } from '@/lib/validations/qa';

/**
 * The one card a live channel gets: Luhn-valid, but BIN 123456 belongs to no card issuer, so no PG
 * can issue on it, and it is no known test number. It plays `invalid_card` without a test card.
 */
export const LIVE_PROBE_INVALID_CARD = '1234-5678-9012-3452';

/** The test values the sandbox's `password_check` card accepts; every other scenario sends them where the PG needs them. */
const GOOD_PASSWORD = '12';
const GOOD_BIRTH = '880101';
/** Sent with the `password_check` card so that it is refused (`비밀번호틀림`). */
const WRONG_PASSWORD = '00';

/** The sandbox's card for a scenario: its magic number, or the first success card. */
export function scenarioCard(scenario: QaScenario): string {
  const wanted = scenario === 'missing_pg_field' ? 'success' : scenario;
  const card = SANDBOX_CARDS.find((candidate) => candidate.scenario === wanted);
  if (!card) throw new Error(`no sandbox card for scenario ${scenario}`);
  return card.number;
}

/** The PG reason code the sandbox answers a scenario with on this PG, or null when it answers none. */
export function sandboxPgCode(pgProvider: string, scenario: QaScenario): string | null {
  switch (scenario) {
    case 'invalid_card':
    case 'expired':
    case 'declined':
      return pgRejection(pgProvider, scenario).code;
    case 'password_check':
      return pgRejection(pgProvider, 'wrong_password').code;
    case 'missing_pg_field':
      return sandboxMissingFieldCode(pgProvider);
    default:
      return null;
  }
}

/** An expiry a few years ahead, so no scenario fails on the date by accident. */
function futureExpiry(now: Date): string {
  return `${now.getUTCFullYear() + 3}-12`;
}

/**
 * The body of one cell's issuance: the scenario's card, the channel by key (and `pg`), and the
 * fields the channel's PG requires, filled with the sandbox's test values.
 */
export function qaIssueBody(
  channel: PgChannel,
  scenario: QaScenario,
  customerUid: string,
  options: { liveProbe?: boolean; now?: Date } = {},
): IssueBillingKeyBody {
  const body: IssueBillingKeyBody = {
    card_number: options.liveProbe ? LIVE_PROBE_INVALID_CARD : scenarioCard(scenario),
    expiry: futureExpiry(options.now ?? new Date()),
    pg: channel.pg_id ? `${channel.pg_provider}.${channel.pg_id}` : channel.pg_provider,
    channel_key: channel.channel_key,
  };
  const required = requiredFieldsFor(channel.pg_provider);
  if (scenario === 'password_check') {
    body.pwd_2digit = WRONG_PASSWORD;
    body.birth = GOOD_BIRTH;
  } else {
    if (required.includes('pwd_2digit')) body.pwd_2digit = GOOD_PASSWORD;
    if (required.includes('birth')) body.birth = GOOD_BIRTH;
  }
  if (required.includes('cvc')) body.cvc = '123';
  if (required.includes('customer_id')) body.customer_id = customerUid;
  if (required.includes('customer_name')) body.customer_name = 'QA 테스트';
  // The first field the PG requires, left out: the PG's own refusal is what the cell checks.
  if (scenario === 'missing_pg_field' && required[0]) delete body[required[0]];
  return body;
}
