import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordAudit, recordAuditOutcome } from '@/lib/audit';
import type { RequestContext } from '@/lib/model/staff';
import { toAppError } from '@/lib/iamport/app-errors';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { PgChannel } from '@/lib/iamport';
import type { IamportRuntime } from '@/lib/runtime';
import type { IamportClient } from '@/lib/iamport/client';
import { IamportNotFoundError } from '@/lib/iamport/errors';
import { getLogger } from '@/lib/log';
import type { QaRunParsed } from '@/lib/validations/qa';
import { plannedCell, runCell } from './cell';
import { createClientWithIssueTimeout } from '@/lib/runtime';
import { coalescedWriter, forEachLimited } from './pool';
import { countOutcomes, EMPTY_CLEANUP, findQaRun, insertQaRun, toQaRunView, updateQaRun } from './store';
import type { QaCell, QaChannelSnapshot, QaCleanup, QaRunView } from '@/lib/model/qa';

/** Cells in flight at once; Iamport documents no limit, daou asks for ≤ 50 calls a second. */
export const QA_CONCURRENCY = 4;
export const QA_CLEANUP_REASON = 'QA run cleanup';
/** The token-expiry card expires the shared token: run alone, it can't make a neighbour's retry fail. */
const RUN_ALONE = new Set(['token_expiry']);

export const QA_LIVE_FORBIDDEN_MESSAGE =
  'QA 역할은 테스트(샌드박스) 채널에서만 실행할 수 있습니다. 실제 채널은 관리자가 확인하고 실행해야 합니다.';
export const QA_CONFIRM_LIVE_MESSAGE =
  '실제 채널이 포함되어 있습니다. "실제 채널에서 실행함을 확인"을 선택해야 실행됩니다.';

/**
 * A timed-out issuance may still go through after the client gave up (the sandbox finishes it the
 * moment the caller hangs up; a PG may take longer): an unknown cell's uid that Iamport doesn't have
 * yet is looked for again after these pauses before it is reported absent.
 */
const UNKNOWN_RECHECK_MS = [1_000, 3_000];

export interface QaRunDeps {
  db: Db;
  /** Lists the channels; its client also runs the cells unless `client` is given. */
  runtime: IamportRuntime;
  /** The client the cells and the cleanup go through; default: the runtime's Iamport with the run's issue timeout. */
  client?: IamportClient;
  concurrency?: number;
  /** Pauses before an absent unknown-outcome key is looked for again; default 1 s, then 3 s. */
  unknownRecheckMs?: readonly number[];
}

function snapshot(channel: PgChannel): QaChannelSnapshot {
  return {
    channelKey: channel.channel_key,
    pgProvider: channel.pg_provider,
    pgId: channel.pg_id,
    pg: channel.pg_id ? `${channel.pg_provider}.${channel.pg_id}` : channel.pg_provider,
    channelName: channel.channel_name,
    sandbox: channel.sandbox === true,
  };
}

/** The chosen key-in channels, in the order chosen; refuses unknown and window-only ones. */
async function chosenChannels(runtime: IamportRuntime, keys: readonly string[]): Promise<PgChannel[]> {
  let channels: PgChannel[];
  try {
    channels = await runtime.client.listChannels();
  } catch (error) {
    throw toAppError(error, 'read');
  }
  const chosen: PgChannel[] = [];
  const problems: string[] = [];
  for (const key of keys) {
    const channel = channels.find((candidate) => candidate.channel_key === key);
    if (!channel) problems.push(`채널 "${key}"이(가) 이 가맹점의 채널 목록에 없습니다.`);
    else if (channel.type !== 'api_payment')
      problems.push(`${channel.channel_name}은(는) API(키인) 채널이 아니라 빌링키를 발급할 수 없습니다.`);
    else chosen.push(channel);
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.join(' '), { fields: { channelKeys: problems.join(' ') } });
  }
  return chosen;
}

/**
 * The live/test guard, on the server: QA runs on test (sandbox) channels only; a live channel
 * needs an admin and the explicit confirmation. A refusal is audited as denied.
 */
async function guardLive(channels: PgChannel[], input: QaRunParsed, context: RequestContext, db: Db): Promise<void> {
  const live = channels.filter((channel) => channel.sandbox !== true);
  if (live.length === 0) return;
  if (context.actor?.role !== 'admin') {
    await recordAuditOutcome(db, context, {
      action: 'qa.run',
      result: 'denied',
      targetType: 'qa_run',
      details: { reason: 'live_channel', channels: live.map((channel) => channel.channel_key) },
    });
    throw new AppError('forbidden', QA_LIVE_FORBIDDEN_MESSAGE);
  }
  if (!input.confirmLive) {
    throw new AppError('validation_failed', QA_CONFIRM_LIVE_MESSAGE, {
      fields: { confirmLive: QA_CONFIRM_LIVE_MESSAGE },
    });
  }
}

/** `qa_<run>_<channel #>_<scenario>`: unique per run, recognisable at Iamport, ≤ 80 characters. */
const cellUid = (runId: string, channelIndex: number, scenario: string) =>
  `qa_${runId.replace(/-/g, '').slice(0, 12)}_c${channelIndex}_${scenario}`;

/**
 * Checks and records a QA run, then plays it: every chosen channel × scenario, straight through the
 * Iamport client with `qa_` customer_uids (never the issuance use case: billing_keys and
 * issue_attempts stay untouched), then deletes every key the run may have created. `run` is the
 * stored run as it starts; `done` settles (never rejects) with the finished run.
 */
export async function startQaRun(
  input: QaRunParsed,
  context: RequestContext,
  deps: QaRunDeps,
): Promise<{ run: QaRunView; done: Promise<QaRunView> }> {
  const { db, runtime } = deps;
  const channels = await chosenChannels(runtime, input.channelKeys);
  await guardLive(channels, input, context, db);

  const id = randomUUID();
  const cells = input.scenarios.flatMap((scenario) =>
    channels.map((channel, index) =>
      plannedCell(channel, scenario, cellUid(id, index, scenario), { simulated: runtime.mode === 'sandbox' }),
    ),
  );
  const row = await insertQaRun(db, {
    id,
    actorId: context.actor?.id ?? null,
    channels: channels.map(snapshot),
    scenarios: input.scenarios,
    issueTimeoutMs: input.issueTimeoutMs,
    results: cells,
    cleanup: EMPTY_CLEANUP,
  });
  const run = toQaRunView(row, context.actor?.email ?? null);
  const client = deps.client ?? createClientWithIssueTimeout(runtime, input.issueTimeoutMs);
  const concurrency = deps.concurrency ?? QA_CONCURRENCY;
  const recheckMs = deps.unknownRecheckMs ?? UNKNOWN_RECHECK_MS;
  const done = play({ id, cells, channels, input, context, db, client, concurrency, recheckMs })
    .then(() => findQaRun(id, { db }))
    .then((stored) => stored ?? { ...run, status: 'failed' as const, error: '실행 기록을 찾을 수 없습니다.' })
    .catch((error: unknown) => {
      getLogger().error({ err: error, runId: id }, 'qa run not read back');
      return { ...run, status: 'failed' as const, error: '실행 결과를 읽지 못했습니다 (서버 로그 참조).' };
    });
  return { run, done };
}

/** Starts a run and waits for it to finish (tests, scripts). */
export async function runQa(input: QaRunParsed, context: RequestContext, deps: QaRunDeps): Promise<QaRunView> {
  return (await startQaRun(input, context, deps)).done;
}

interface Play {
  id: string;
  cells: QaCell[];
  channels: PgChannel[];
  input: QaRunParsed;
  context: RequestContext;
  db: Db;
  client: IamportClient;
  concurrency: number;
  recheckMs: readonly number[];
}

async function play({ id, cells, channels, input, context, db, client, concurrency, recheckMs }: Play): Promise<void> {
  const log = getLogger();
  const started = Date.now();
  const byKey = new Map(channels.map((channel) => [channel.channel_key, channel]));
  const progress = coalescedWriter(
    () => updateQaRun(db, id, { results: cells }),
    (error) => log.error({ err: error, runId: id }, 'qa run progress not saved'),
  );
  const runAt = async (index: number) => {
    const cell = cells[index] as QaCell;
    cells[index] = await runCell(client, byKey.get(cell.channelKey) as PgChannel, cell);
    progress.schedule();
  };

  let failure: unknown = null;
  try {
    const indexes = cells.map((_, index) => index).filter((index) => cells[index]?.outcome === 'pending');
    const alone = indexes.filter((index) => RUN_ALONE.has(cells[index]?.scenario ?? ''));
    // Slow cells first, so their wait overlaps everything else.
    const together = indexes
      .filter((index) => !alone.includes(index))
      .sort((a, b) => Number(cells[b]?.scenario === 'slow') - Number(cells[a]?.scenario === 'slow'));
    await forEachLimited(together, concurrency, runAt);
    await forEachLimited(alone, 1, runAt);
  } catch (error) {
    failure = error;
    log.error({ err: error, runId: id }, 'qa run stopped');
  }
  await progress.flush();

  let cleanup: QaCleanup = { ...EMPTY_CLEANUP };
  try {
    await updateQaRun(db, id, { status: 'cleaning', results: cells });
    cleanup = await cleanUp(client, cells, concurrency, recheckMs);
  } catch (error) {
    failure ??= error;
    log.error({ err: error, runId: id }, 'qa run cleanup stopped');
  }
  const counts = countOutcomes(cells);
  try {
    await updateQaRun(db, id, {
      status: failure ? 'failed' : 'completed',
      results: cells,
      cleanup,
      finishedAt: new Date(),
      error: failure ? '실행 중 예상하지 못한 오류로 멈췄습니다 (서버 로그 참조).' : null,
    });
  } catch (error) {
    log.error({ err: error, runId: id }, 'qa run result not saved');
  }
  await recordAudit(db, context, {
    action: 'qa.run',
    result: failure ? 'failure' : 'success',
    targetType: 'qa_run',
    targetId: id,
    details: {
      channels: channels.map((channel) => snapshot(channel).pg),
      live: channels.some((channel) => channel.sandbox !== true),
      scenarios: input.scenarios,
      issueTimeoutMs: input.issueTimeoutMs,
      counts,
      deleted: cleanup.deleted.length,
      cleanupFailed: cleanup.failed.map((item) => item.customerUid),
      durationMs: Date.now() - started,
    },
  });
}

/**
 * Deletes every key the run may have left at Iamport: issued cells, and unknown ones (a timed-out
 * issuance may have gone through, maybe a moment later: looked for again after `recheckMs`). A uid
 * Iamport still doesn't know is `absent`; a failed deletion is listed on the run, since the key is
 * still there.
 */
async function cleanUp(
  client: IamportClient,
  cells: readonly QaCell[],
  concurrency: number,
  recheckMs: readonly number[],
): Promise<QaCleanup> {
  const cleanup: QaCleanup = { status: 'done', deleted: [], absent: [], failed: [] };
  const created = cells.filter((cell) => cell.customerUid && (cell.outcome === 'issued' || cell.outcome === 'unknown'));
  const uids = created.map((cell) => cell.customerUid as string);
  const unknown = new Set(
    created.filter((cell) => cell.outcome === 'unknown').map((cell) => cell.customerUid as string),
  );

  const attempt = async (batch: readonly string[]): Promise<string[]> => {
    const absent: string[] = [];
    await forEachLimited(batch, concurrency, async (uid) => {
      try {
        await client.deleteBillingKey(uid, { reason: QA_CLEANUP_REASON });
        cleanup.deleted.push(uid);
      } catch (error) {
        if (error instanceof IamportNotFoundError) absent.push(uid);
        else cleanup.failed.push({ customerUid: uid, message: error instanceof Error ? error.message : String(error) });
      }
    });
    return absent;
  };
  let absent = await attempt(uids);
  for (const pause of recheckMs) {
    const late = absent.filter((uid) => unknown.has(uid));
    if (late.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, pause));
    absent = [...absent.filter((uid) => !unknown.has(uid)), ...(await attempt(late))];
  }
  cleanup.absent.push(...absent);

  const order = new Map(uids.map((uid, index) => [uid, index]));
  const byRun = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  cleanup.deleted.sort(byRun);
  cleanup.absent.sort(byRun);
  cleanup.failed.sort((a, b) => byRun(a.customerUid, b.customerUid));
  return cleanup;
}
