import 'server-only';
import type { IamportClient } from '@/lib/iamport/client';
import { IamportError, IamportRejectedError, IamportTimeoutError, IamportUnavailableError } from '@/lib/iamport/errors';
import type { PgChannel } from '@/lib/iamport/types';
import { getLogger } from '@/lib/log';
import { isKnownTestCard } from '@/lib/gateways/test-cards';
import type { QaScenario } from '@/lib/validations/qa';
import { qaIssueBody, sandboxPgCode } from './cards';
import { redactIssueRequest } from './redact';
import { expectedOutcomeFor, QA_SCENARIO_INFO } from './scenarios';
import type { QaCell, QaResponse } from '@/lib/model/qa';

export const SKIPPED_ON_LIVE_MESSAGE =
  '실제 채널에는 테스트 카드번호를 보낼 수 없어 이 시나리오는 건너뛰었습니다 (카드번호 오류 시나리오만 실제 채널에서 실행됩니다).';

/**
 * A cell before it runs: its uid, or skipped when it would need a test card on a live channel; what
 * it should end as on this channel's PG, and (against the simulator only: a real PG's codes are not
 * known in advance) the PG reason code the sandbox answers.
 */
export function plannedCell(
  channel: PgChannel,
  scenario: QaScenario,
  customerUid: string,
  options: { simulated?: boolean } = {},
): QaCell {
  const info = QA_SCENARIO_INFO[scenario];
  const skipped = !channel.sandbox && info.needsTestCard;
  return {
    channelKey: channel.channel_key,
    scenario,
    customerUid: skipped ? null : customerUid,
    outcome: skipped ? 'skipped' : 'pending',
    expected: expectedOutcomeFor(scenario, channel.pg_provider),
    expectedPgCode: options.simulated && channel.sandbox ? sandboxPgCode(channel.pg_provider, scenario) : null,
    latencyMs: null,
    pgCode: null,
    iamportCode: null,
    message: skipped ? SKIPPED_ON_LIVE_MESSAGE : null,
    request: null,
    response: skipped ? { kind: 'skipped', message: SKIPPED_ON_LIVE_MESSAGE } : null,
  };
}

function failure(
  error: unknown,
): Pick<QaCell, 'outcome' | 'pgCode' | 'iamportCode' | 'message'> & { response: QaResponse } {
  if (error instanceof IamportRejectedError) {
    return {
      outcome: 'rejected',
      pgCode: error.pgCode,
      iamportCode: error.iamportCode,
      message: error.iamportMessage,
      response: {
        kind: 'envelope',
        httpStatus: error.httpStatus,
        envelope: { code: error.iamportCode, message: error.iamportMessage || null, response: null },
      },
    };
  }
  if (error instanceof IamportError) {
    const httpStatus = error instanceof IamportUnavailableError ? error.httpStatus : null;
    return {
      // The key may exist once the request may have reached Iamport: the run's cleanup looks it up.
      outcome:
        error instanceof IamportTimeoutError || (error instanceof IamportUnavailableError && error.outcomeUnknown)
          ? 'unknown'
          : 'error',
      pgCode: null,
      iamportCode: null,
      message: error.message,
      response: {
        kind: 'error',
        errorKind: error.kind === 'rejected' ? 'unexpected' : error.kind,
        httpStatus,
        message: error.message,
      },
    };
  }
  // Never shown raw: it might quote anything. Logged with the cell for whoever debugs it.
  getLogger().error({ err: error }, 'qa cell failed unexpectedly');
  const message = '예상하지 못한 오류가 발생했습니다 (서버 로그 참조).';
  return {
    outcome: 'error',
    pgCode: null,
    iamportCode: null,
    message,
    response: { kind: 'error', errorKind: 'unexpected', httpStatus: null, message },
  };
}

/**
 * Issues one cell's key straight through the Iamport client (not the issuance use case: nothing
 * lands in billing_keys or issue_attempts) and records the outcome, latency, redacted request and
 * Iamport's answer.
 */
export async function runCell(client: IamportClient, channel: PgChannel, planned: QaCell): Promise<QaCell> {
  if (planned.outcome === 'skipped' || planned.customerUid === null) return planned;
  const uid = planned.customerUid;
  const body = qaIssueBody(channel, planned.scenario, uid, { liveProbe: !channel.sandbox });
  // Belt and braces: whatever the plan says, a test card number never goes to a live channel.
  if (!channel.sandbox && isKnownTestCard(body.card_number)) {
    return {
      ...planned,
      customerUid: null,
      outcome: 'skipped',
      message: SKIPPED_ON_LIVE_MESSAGE,
      response: { kind: 'skipped', message: SKIPPED_ON_LIVE_MESSAGE },
    };
  }
  const request = redactIssueRequest(uid, body);
  const started = performance.now();
  try {
    const annotation = await client.issueBillingKey(uid, body);
    return {
      ...planned,
      outcome: 'issued',
      latencyMs: Math.round(performance.now() - started),
      request,
      response: { kind: 'envelope', httpStatus: null, envelope: { code: 0, message: null, response: annotation } },
    };
  } catch (error) {
    return { ...planned, ...failure(error), latencyMs: Math.round(performance.now() - started), request };
  }
}
