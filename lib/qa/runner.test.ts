import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit';
import type { Actor, RequestContext } from '@/lib/model/staff';
import type { DbHandle } from '@/lib/db';
import { auditEvents, billingKeys, issueAttempts, qaRuns } from '@/lib/db/schema';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import type { IamportRuntime } from '@/lib/runtime';
import { IamportClient } from '@/lib/iamport/client';
import {
  createSandbox,
  DEFAULT_SANDBOX_CHANNELS,
  SANDBOX_CARDS,
  SANDBOX_IMP_KEY,
  SANDBOX_IMP_SECRET,
  type Sandbox,
} from '@/lib/iamport/sandbox';
import type { PgChannel } from '@/lib/iamport/types';
import { isKnownTestCard } from '@/lib/gateways/test-cards';
import { QA_SCENARIOS, qaRunInputSchema, type QaRunInput, type QaScenario } from '@/lib/validations/qa';
import { LIVE_PROBE_INVALID_CARD } from './cards';
import { QA_CLEANUP_REASON, runQa, startQaRun } from './runner';
import { cellMatch } from './scenarios';
import type { QaCell, QaRunView } from '@/lib/model/qa';
import { rejection } from '@/lib/testing/errors';

const channel = (provider: string) =>
  DEFAULT_SANDBOX_CHANNELS.find((candidate) => candidate.pg_provider === provider) as PgChannel;
const NICE = channel('nice');
/** KSNET needs birth and pwd_2digit: every cell on it carries both, so redaction is exercised. */
const KSNET = channel('ksnet');
const LIVE_KCP: PgChannel = {
  pg_provider: 'kcp',
  pg_id: 'REALKCP01',
  sandbox: false,
  type: 'api_payment',
  channel_name: 'NHN KCP 실거래',
  channel_key: 'channel-key-live-kcp',
};
const PAYMENT_WINDOW = DEFAULT_SANDBOX_CHANNELS.find((candidate) => candidate.type === 'payment') as PgChannel;

const actor = (role: Actor['role']): RequestContext => ({
  actor: { id: `${role}-1`, email: `${role}@example.com`, role },
  ip: '127.0.0.1',
});
const qa = actor('qa');
const admin = actor('admin');

type Expected = Pick<QaCell, 'outcome' | 'pgCode' | 'iamportCode'>;
const refused = (pgCode: string): Expected => ({ outcome: 'rejected', pgCode, iamportCode: -1 });

/**
 * What the sandbox answers each scenario with (docs/sandbox.md), per PG: nice's `[F115]…` and KSNET's
 * `… (응답코드 7051)` forms, each with its own reason code.
 */
const EXPECTED_BY_PG: Record<'nice' | 'ksnet', Partial<Record<QaScenario, Expected>>> = {
  nice: {
    invalid_card: refused('F112'),
    expired: refused('F113'),
    declined: refused('F114'),
    password_check: refused('F115'),
    // nice requires no extra field: nothing is left out, the key issues.
    missing_pg_field: { outcome: 'issued', pgCode: null, iamportCode: null },
  },
  ksnet: {
    invalid_card: refused('7003'),
    expired: refused('7004'),
    declined: refused('7059'),
    password_check: refused('7051'),
    // birth left out: `생년월일(사업자번호) 미입력 (응답코드 V501)`.
    missing_pg_field: refused('V501'),
  },
};

const EXPECTED: Record<QaScenario, Expected> = {
  success: { outcome: 'issued', pgCode: null, iamportCode: null },
  invalid_card: refused('F112'),
  expired: refused('F113'),
  declined: refused('F114'),
  no_keyin_module: { outcome: 'rejected', pgCode: null, iamportCode: 1 },
  password_check: refused('F115'),
  missing_pg_field: { outcome: 'issued', pgCode: null, iamportCode: null },
  slow: { outcome: 'unknown', pgCode: null, iamportCode: null },
  http_500: { outcome: 'unknown', pgCode: null, iamportCode: null },
  html_error: { outcome: 'unknown', pgCode: null, iamportCode: null },
  truncated_json: { outcome: 'unknown', pgCode: null, iamportCode: null },
  connection_drop: { outcome: 'unknown', pgCode: null, iamportCode: null },
  token_expiry: { outcome: 'issued', pgCode: null, iamportCode: null },
};

interface Harness {
  runtime: IamportRuntime;
  /** The runner's dependencies: this client runs the cells (timeout 100 ms) and lists the channels. */
  deps: (db: DbHandle['db']) => { db: DbHandle['db']; runtime: IamportRuntime; client: IamportClient };
  sandbox: Sandbox;
  /** Method, path and body of every request the client sent. */
  sent: { method: string; path: string; body: string }[];
}

/** The brief's in-process sandbox: slow card 200 ms, issuance timeout 100 ms. */
function harness(
  options: { channels?: PgChannel[]; beforeSend?: (request: Request, sandbox: Sandbox) => void } = {},
): Harness {
  const sandbox = createSandbox({ slowMs: 200, channels: options.channels });
  const sent: Harness['sent'] = [];
  const client = new IamportClient({
    baseUrl: 'http://sandbox.test',
    impKey: SANDBOX_IMP_KEY,
    impSecret: SANDBOX_IMP_SECRET,
    fetch: async (request) => {
      const url = new URL(request.url);
      sent.push({ method: request.method, path: url.pathname, body: request.body ? await request.clone().text() : '' });
      options.beforeSend?.(request, sandbox);
      return sandbox.fetch(request);
    },
    issueTimeoutMs: 100,
    retryDelayMs: 0,
  });
  const runtime: IamportRuntime = { client, mode: 'sandbox', sandbox };
  return { runtime, deps: (db) => ({ db, runtime, client }), sandbox, sent };
}

const input = (value: QaRunInput) => qaRunInputSchema.parse(value);
const allScenarios = (channels: PgChannel[]) =>
  input({ channelKeys: channels.map((c) => c.channel_key), scenarios: [...QA_SCENARIOS] });

describe.each(testEngines())('QA runner on $name', (engine) => {
  let main: Harness;
  let run: QaRunView;
  let elapsedMs: number;

  const handle = suiteDatabase(engine, {
    seed: async () => {
      main = harness();
      const started = performance.now();
      run = await runQa(allScenarios([NICE, KSNET]), qa, main.deps(handle.db));
      elapsedMs = performance.now() - started;
    },
  });

  it('plays 2 channels × every scenario and gets each scenario’s outcome and PG code', () => {
    expect(run.status).toBe('completed');
    expect(run.results).toHaveLength(2 * QA_SCENARIOS.length);
    const seen = run.results.map((cell) => ({
      at: `${cell.channelKey === NICE.channel_key ? 'nice' : 'ksnet'} × ${cell.scenario}`,
      outcome: cell.outcome,
      pgCode: cell.pgCode,
      iamportCode: cell.iamportCode,
    }));
    const wanted = QA_SCENARIOS.flatMap((scenario) =>
      (['nice', 'ksnet'] as const).map((name) => ({
        at: `${name} × ${scenario}`,
        ...(EXPECTED_BY_PG[name][scenario] ?? EXPECTED[scenario]),
      })),
    );
    expect(seen).toEqual(wanted);
    for (const cell of run.results) {
      expect(cell.outcome, `${cell.scenario} as the sandbox says`).toBe(cell.expected);
      // The cell knows the code to expect, so the matrix can mark it matched.
      expect(cell.expectedPgCode ?? null, `${cell.scenario} expected code`).toBe(cell.pgCode);
      expect(cellMatch(cell), `${cell.scenario} matched`).toBe('matched');
      expect(cell.latencyMs).toBeGreaterThanOrEqual(0);
      expect(cell.customerUid).toMatch(/^qa_[0-9a-f]{12}_c[01]_[a-z_0-9]+$/);
    }
    // missing_pg_field issues on nice (nothing required) and is refused on KSNET.
    expect(run.counts).toEqual({ issued: 5, rejected: 11, unknown: 10, error: 0, skipped: 0 });
    // The slow cell waited for the client's 100 ms timeout, not for the sandbox's 200 ms.
    const slow = run.results.find((cell) => cell.scenario === 'slow');
    expect(slow?.latencyMs).toBeGreaterThanOrEqual(95);
    expect(slow?.latencyMs).toBeLessThan(200);
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('keeps Iamport’s envelope or the error for each cell', () => {
    const cell = (scenario: QaScenario) =>
      run.results.find((item) => item.scenario === scenario && item.channelKey === NICE.channel_key);
    const issued = cell('success')?.response;
    expect(issued?.kind).toBe('envelope');
    if (issued?.kind === 'envelope') {
      expect(issued.envelope).toMatchObject({
        code: 0,
        message: null,
        response: { customer_uid: cell('success')?.customerUid, pg_provider: 'nice' },
      });
    }
    expect(cell('declined')?.response).toEqual({
      kind: 'envelope',
      httpStatus: 200,
      envelope: { code: -1, message: expect.stringContaining('[F114]해당카드 사용불가 가맹점'), response: null },
    });
    expect(cell('declined')?.message).toBe(
      '카드정보 인증 및 빌키 발급에 실패하였습니다. [F114]해당카드 사용불가 가맹점(타카드 사용요망)',
    );
    expect(cell('http_500')?.response).toMatchObject({ kind: 'error', errorKind: 'unavailable', httpStatus: 500 });
    expect(cell('html_error')?.response).toMatchObject({ kind: 'error', errorKind: 'unavailable', httpStatus: 502 });
    expect(cell('slow')?.response).toMatchObject({ kind: 'error', errorKind: 'timeout' });
  });

  it('deletes every key the run created, with the cleanup reason, and leaves billing_keys and issue_attempts alone', async () => {
    const created = run.results
      .filter((cell) => cell.outcome === 'issued' || cell.outcome === 'unknown')
      .map((cell) => cell.customerUid);
    // Unknown cells (an answer lost after sending) are deleted when Iamport holds their key, else absent.
    expect(created).toHaveLength(15);
    expect(run.cleanup).toMatchObject({ status: 'done', failed: [] });
    const cleanup = run.cleanup as { deleted: string[]; absent: string[] };
    expect([...cleanup.deleted, ...cleanup.absent].sort()).toEqual([...created].sort());
    for (const cell of run.results) {
      expect(await main.sandbox.admin.getKey(cell.customerUid as string), cell.scenario).toBeUndefined();
    }
    const deletions = main.sent.filter((request) => request.method === 'DELETE');
    expect(deletions.length).toBeGreaterThanOrEqual(cleanup.deleted.length);
    expect(main.runtime.client).toBeDefined();
    expect(await handle.db.select().from(billingKeys)).toEqual([]);
    expect(await handle.db.select().from(issueAttempts)).toEqual([]);
    expect(QA_CLEANUP_REASON).toBe('QA run cleanup');
    const [event] = await listAuditEvents(handle.db, { action: 'qa.run', targetId: run.id });
    expect(event).toMatchObject({ actorId: 'qa-1', result: 'success', targetType: 'qa_run' });
    expect(event?.details).toMatchObject({
      channels: ['nice.nictest04m', 'ksnet.2999199999'],
      live: false,
      deleted: 7,
      cleanupFailed: [],
    });
  });

  it('shows the request redacted: the card number, pwd_2digit and birth appear nowhere in the saved run', async () => {
    const ksnetSuccess = run.results.find(
      (cell) => cell.scenario === 'success' && cell.channelKey === KSNET.channel_key,
    );
    expect(ksnetSuccess?.request).toEqual({
      method: 'POST',
      path: `/subscribe/customers/${ksnetSuccess?.customerUid}`,
      body: expect.objectContaining({
        card_number: '5272-89**-****-0004',
        birth: '**',
        pwd_2digit: '**',
        channel_key: KSNET.channel_key,
      }),
    });
    // The secrets really were sent, so their absence below means something.
    expect(
      main.sent.some(
        (request) => request.body.includes('"birth":"880101"') && request.body.includes('"pwd_2digit":"12"'),
      ),
    ).toBe(true);
    expect(main.sent.some((request) => request.body.includes('5272-8900-0000-0004'))).toBe(true);

    const rows = await handle.db.select().from(qaRuns);
    const events = await handle.db.select().from(auditEvents);
    const saved = JSON.stringify([rows, events, run]);
    for (const card of SANDBOX_CARDS) {
      expect(saved).not.toContain(card.number);
      expect(saved).not.toContain(card.number.replace(/-/g, ''));
    }
    expect(saved).not.toContain('880101');
    expect(saved).not.toMatch(/"pwd_2digit":"(?!\*\*)/);
    expect(saved).not.toMatch(/"birth":"(?!\*\*)/);
    expect(saved).not.toMatch(/\\?"expiry\\?":\\?"\d{4}-\d{2}\\?",\\?"card_number\\?":\\?"\d{4}-\d{4}/);
    expect(saved).toContain('5272-89**-****-0004');
  });

  it('lists a key whose deletion failed on the run, and it is still at Iamport', async () => {
    const faulty = harness({
      beforeSend: (request, sandbox) => {
        const uid = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
        if (request.method === 'DELETE' && uid.endsWith('_c0_success')) sandbox.admin.setFault(uid, 'http_500');
      },
    });
    const result = await runQa(
      input({ channelKeys: [NICE.channel_key, KSNET.channel_key], scenarios: ['success', 'declined'] }),
      qa,
      faulty.deps(handle.db),
    );
    const stuck = result.results.find((cell) => cell.channelKey === NICE.channel_key && cell.scenario === 'success')
      ?.customerUid as string;
    const gone = result.results.find((cell) => cell.channelKey === KSNET.channel_key && cell.scenario === 'success')
      ?.customerUid as string;
    expect(result.cleanup.deleted).toEqual([gone]);
    expect(result.cleanup.failed).toEqual([{ customerUid: stuck, message: expect.stringContaining('HTTP 500') }]);
    expect(result.cleanupFailed).toBe(1);
    expect(await faulty.sandbox.admin.getKey(stuck)).toBeDefined();
    expect(await faulty.sandbox.admin.getKey(gone)).toBeUndefined();
  });

  it('looks again for a timed-out key that is not there yet, and reports one that never appears as absent', async () => {
    const sandbox = createSandbox({ slowMs: 200 });
    let firstLook = true;
    const client = new IamportClient({
      baseUrl: 'http://sandbox.test',
      impKey: SANDBOX_IMP_KEY,
      impSecret: SANDBOX_IMP_SECRET,
      issueTimeoutMs: 100,
      retryDelayMs: 0,
      fetch: async (request) => {
        const uid = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
        // KSNET's slow issuance never reaches Iamport: its outcome is unknown and no key ever appears.
        if (request.method === 'POST' && uid.endsWith('_c1_slow')) return new Promise<Response>(() => {});
        // NICE's key is not there at the first look, as if the PG were still finishing it.
        if (request.method === 'DELETE' && uid.endsWith('_c0_slow') && firstLook) {
          firstLook = false;
          return new Response(
            JSON.stringify({
              code: 1,
              message: '요청하신 customer_uid로 등록된 정보를 찾을 수 없습니다.',
              response: null,
            }),
            {
              status: 404,
              headers: { 'content-type': 'application/json' },
            },
          );
        }
        return sandbox.fetch(request);
      },
    });
    const result = await runQa(input({ channelKeys: [NICE.channel_key, KSNET.channel_key], scenarios: ['slow'] }), qa, {
      db: handle.db,
      runtime: { client, mode: 'sandbox', sandbox },
      client,
      unknownRecheckMs: [10, 10],
    });
    const [nice, ksnet] = result.results.map((cell) => cell.customerUid as string);
    expect(result.results.map((cell) => cell.outcome)).toEqual(['unknown', 'unknown']);
    expect(firstLook).toBe(false);
    expect(result.cleanup).toEqual({ status: 'done', deleted: [nice], absent: [ksnet], failed: [] });
    expect(await sandbox.admin.getKey(nice as string)).toBeUndefined();
  });

  it('refuses the qa role on a live channel, before anything is stored or sent', async () => {
    const mixed = harness({ channels: [...DEFAULT_SANDBOX_CHANNELS, LIVE_KCP] });
    const before = (await handle.db.select().from(qaRuns)).length;
    const error = await rejection(
      startQaRun(
        input({ channelKeys: [NICE.channel_key, LIVE_KCP.channel_key], scenarios: ['success'], confirmLive: true }),
        qa,
        mixed.deps(handle.db),
      ),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('테스트(샌드박스) 채널에서만');
    expect((await handle.db.select().from(qaRuns)).length).toBe(before);
    expect(mixed.sent.filter((request) => request.method === 'POST' && request.path.startsWith('/subscribe'))).toEqual(
      [],
    );
    const [denied] = await listAuditEvents(handle.db, { action: 'qa.run', result: 'denied' });
    expect(denied).toMatchObject({
      actorId: 'qa-1',
      details: { reason: 'live_channel', channels: [LIVE_KCP.channel_key] },
    });
  });

  it('lets an admin run on a live channel only with confirmLive, and sends it no test card', async () => {
    const mixed = harness({ channels: [...DEFAULT_SANDBOX_CHANNELS, LIVE_KCP] });
    const chosen = {
      channelKeys: [NICE.channel_key, LIVE_KCP.channel_key],
      scenarios: ['success', 'invalid_card', 'declined'] as QaScenario[],
    };
    const unconfirmed = await rejection(startQaRun(input(chosen), admin, mixed.deps(handle.db)));
    expect(unconfirmed.code).toBe('validation_failed');
    expect(unconfirmed.details.fields?.confirmLive).toContain('실제 채널에서 실행함을 확인');

    const result = await runQa(input({ ...chosen, confirmLive: true }), admin, mixed.deps(handle.db));
    const live = result.results.filter((cell) => cell.channelKey === LIVE_KCP.channel_key);
    expect(live.map((cell) => [cell.scenario, cell.outcome, cell.pgCode])).toEqual([
      ['success', 'skipped', null],
      // The live channel is KCP: its own reason code for an unknown card.
      ['invalid_card', 'rejected', '8108'],
      ['declined', 'skipped', null],
    ]);
    expect(live[1]?.request?.body.card_number).toBe('1234-56**-****-3452');
    expect(live[0]?.customerUid).toBeNull();
    const toLive = mixed.sent.filter((request) => request.body.includes(LIVE_KCP.channel_key));
    expect(toLive).toHaveLength(1);
    for (const request of toLive) {
      const body = JSON.parse(request.body) as { card_number: string };
      expect(body.card_number).toBe(LIVE_PROBE_INVALID_CARD);
      expect(isKnownTestCard(body.card_number)).toBe(false);
    }
    expect(result.channels.map((item) => item.sandbox)).toEqual([true, false]);
  });

  it('refuses a channel the merchant lacks or one that cannot issue by API', async () => {
    const error = await rejection(
      startQaRun(
        input({ channelKeys: ['no-such-channel', PAYMENT_WINDOW.channel_key], scenarios: ['success'] }),
        qa,
        main.deps(handle.db),
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields?.channelKeys).toContain('no-such-channel');
    expect(error.details.fields?.channelKeys).toContain(PAYMENT_WINDOW.channel_name);
  });
});

describe('the run input', () => {
  it('defaults the timeout to 10 s and refuses empty or repeated choices', () => {
    expect(qaRunInputSchema.parse({ channelKeys: ['a'], scenarios: ['slow'] })).toEqual({
      channelKeys: ['a'],
      scenarios: ['slow'],
      issueTimeoutMs: 10_000,
      confirmLive: false,
    });
    expect(qaRunInputSchema.safeParse({}).success).toBe(false);
    expect(qaRunInputSchema.safeParse({ channelKeys: [], scenarios: ['slow'] }).error?.issues[0]?.message).toBe(
      '채널을 하나 이상 고르세요.',
    );
    expect(qaRunInputSchema.safeParse({ channelKeys: ['a', 'a'], scenarios: ['slow'] }).success).toBe(false);
    expect(qaRunInputSchema.safeParse({ channelKeys: ['a'], scenarios: ['nope'] }).success).toBe(false);
    expect(
      qaRunInputSchema.safeParse({ channelKeys: ['a'], scenarios: ['slow'], issueTimeoutMs: 61_000 }).success,
    ).toBe(false);
  });

  it('covers every scenario of the sandbox’s cards, and nothing else but the missing PG field', () => {
    expect(new Set([...SANDBOX_CARDS.map((card) => card.scenario), 'missing_pg_field'])).toEqual(new Set(QA_SCENARIOS));
  });
});
