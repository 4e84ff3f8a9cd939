import type { BillingKeyView } from '@/lib/model/billing-keys';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db';
import { attemptsForKey, startAttempt } from '@/lib/db/attempts';
import { findStoredKey, keyHistory } from '@/lib/db/billing-keys';
import { tryLease } from '@/lib/db/issue-locks';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { listAuditEvents } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { IamportClient } from '@/lib/iamport/client';
import { createSandbox, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, type Sandbox } from '@/lib/iamport/sandbox';
import type { IamportRuntime } from '@/lib/runtime';
import { CARDS, markerCardDigits } from '@/e2e/cards';
import type { IssueBillingKeyInput } from '@/lib/validations/billing-key';
import { signGuardCheck } from './guard-token';
import { issueBillingKey } from './issue';
import { resolveAttempt, resolveOpenAttempts } from './recovery';
import { rejection } from '@/lib/testing/errors';

const context = { actor: { id: 'user-1', email: 'agent@example.com', role: 'agent' as const }, ip: '127.0.0.1' };

function runtimeWith(sandbox: Sandbox, issueTimeoutMs = 5_000): IamportRuntime {
  const client = new IamportClient({
    baseUrl: 'http://sandbox.test',
    impKey: SANDBOX_IMP_KEY,
    impSecret: SANDBOX_IMP_SECRET,
    fetch: (request) => sandbox.fetch(request),
    issueTimeoutMs,
  });
  return { client, mode: 'sandbox', sandbox };
}

/**
 * The sandbox's runtime whose issuance POST fails as Node's fetch does on a network error with
 * `code`: after Iamport got the request (it issues, the answer is lost) or before it was sent.
 */
function runtimeWithLostIssuance(sandbox: Sandbox, code: string, when: 'after sending' | 'before sending') {
  const runtime = runtimeWith(sandbox);
  const client = new IamportClient({
    baseUrl: 'http://sandbox.test',
    impKey: SANDBOX_IMP_KEY,
    impSecret: SANDBOX_IMP_SECRET,
    fetch: async (request) => {
      if (request.method !== 'POST' || !request.url.includes('/subscribe/customers/')) return sandbox.fetch(request);
      if (when === 'after sending') await sandbox.fetch(request);
      throw new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
    },
  });
  return { ...runtime, client } satisfies IamportRuntime;
}

let sequence = 0;
const input = (card: string, extra: Partial<IssueBillingKeyInput> = {}): IssueBillingKeyInput => ({
  customer_uid: `uid_${Date.now()}_${sequence++}`,
  pg: 'nice.nictest04m',
  card_number: card,
  expiry: '2030-12',
  ...extra,
});

describe.each(testEngines())('issuance recording on $name', (engine) => {
  let sandbox: Sandbox;
  let runtime: IamportRuntime;

  const handle = suiteDatabase(engine, {
    seed: () => {
      sandbox = createSandbox({ slowMs: 150 });
      runtime = runtimeWith(sandbox);
    },
  });

  /** Issues as the agent through this suite's database and sandbox, unless `deps` says otherwise. */
  const issue = (body: IssueBillingKeyInput, deps: Parameters<typeof issueBillingKey>[2] = {}) =>
    issueBillingKey(body, context, { runtime, db: handle.db, ...deps });

  /** The attempt the app writes before it calls Iamport for `body` (nice, sandbox mode, no channel, no agent). */
  const startPendingAttempt = (body: IssueBillingKeyInput, extra: Partial<Parameters<typeof startAttempt>[1]> = {}) =>
    startAttempt(handle.db, {
      customerUid: body.customer_uid,
      requestedPg: 'nice',
      channelKey: null,
      pgProvider: 'nice',
      appMode: 'sandbox',
      actorId: null,
      ...extra,
    });

  /** Issues to a new uid through a runtime whose issuance POST fails with `code` `when` (runtimeWithLostIssuance). */
  const issueLosingTheConnection = async (code: string, when: 'after sending' | 'before sending') => {
    const body = input(CARDS.shinhanCredit);
    const error = await rejection(issue(body, { runtime: runtimeWithLostIssuance(sandbox, code, when) }));
    return { body, error };
  };

  it('records the key, an issued attempt and an audit event', async () => {
    const body = input(CARDS.kbCheck, { customer_name: '홍길동' });
    const result = await issue(body);
    expect(result.replaced).toBe(false);
    const stored = await findStoredKey(handle.db, body.customer_uid);
    expect(stored).toMatchObject({
      status: 'active',
      pgProvider: 'nice',
      pgId: 'nictest04m',
      cardNumberMasked: '52728900****0004',
      cardLast4: '0004',
      cardType: 1,
      customerName: '홍길동',
      issuedBy: 'user-1',
      appMode: 'sandbox',
    });
    const [attempt] = await attemptsForKey(handle.db, body.customer_uid);
    expect(attempt).toMatchObject({
      outcome: 'issued',
      pgProvider: 'nice',
      pgId: 'nictest04m',
      actorId: 'user-1',
      replaced: false,
    });
    expect(attempt?.durationMs).toBeGreaterThanOrEqual(0);
    const audit = await listAuditEvents(handle.db, { targetId: body.customer_uid });
    expect(audit.map((event) => [event.action, event.result, event.ip])).toEqual([
      ['billing_key.issue', 'success', '127.0.0.1'],
    ]);
  });

  it('records a rejection with the PG code and stores no key', async () => {
    const body = input(CARDS.declined);
    const error = await rejection(issue(body));
    expect(error.code).toBe('card_rejected');
    expect(await findStoredKey(handle.db, body.customer_uid)).toBeUndefined();
    const [attempt] = await attemptsForKey(handle.db, body.customer_uid);
    expect(attempt).toMatchObject({ outcome: 'rejected', errorCode: 'card_rejected', iamportCode: -1, pgCode: 'F114' });
    expect(attempt?.iamportMessage).toContain('[F114]');
  });

  it('refuses a silent replacement, then replaces on confirmation and keeps the history', async () => {
    const body = input(CARDS.kbCheck);
    await issue(body);
    const issuesBefore = sandbox.stats().issue;
    const error = await rejection(issue({ ...body, card_number: CARDS.shinhanCredit }));
    expect(error.code).toBe('replacement_unconfirmed');
    expect(error.status).toBe(409);
    expect((error.details.existing as BillingKeyView | undefined)?.cardNumberMasked).toBe('52728900****0004');
    expect(sandbox.stats().issue).toBe(issuesBefore);

    const replaced = await issue({ ...body, card_number: CARDS.shinhanCredit, replace_confirmed: true });
    expect(replaced.replaced).toBe(true);
    const stored = await findStoredKey(handle.db, body.customer_uid);
    expect(stored?.cardName).toBe('신한카드');
    const history = await keyHistory(handle.db, body.customer_uid);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ cardNumberMasked: '52728900****0004', cardName: '국민KB카드' });
    const actions = (await listAuditEvents(handle.db, { targetId: body.customer_uid })).map((event) => event.action);
    expect(actions).toContain('billing_key.replace');
  });

  it('a replacement with blank customer fields keeps the stored ones, at Iamport and here', async () => {
    const body = input(CARDS.kbCheck, { customer_name: '홍길동', customer_tel: '010-1234-5678' });
    await issue(body);
    const replaced = await issue({
      ...body,
      card_number: CARDS.shinhanCredit,
      customer_name: '',
      customer_tel: '010-9999-0000',
      replace_confirmed: true,
    });
    expect(replaced.billingKey).toMatchObject({ customerName: '홍길동', customerTel: '010-9999-0000' });
    expect(await findStoredKey(handle.db, body.customer_uid)).toMatchObject({
      cardName: '신한카드',
      customerName: '홍길동',
      customerTel: '010-9999-0000',
    });
    expect(await sandbox.admin.getKey(body.customer_uid)).toMatchObject({ customer_name: '홍길동' });
  });

  it('guards a customer_uid that exists only at Iamport', async () => {
    const body = input(CARDS.kbCheck);
    // Issued by someone else, straight at "Iamport".
    await runtimeWith(sandbox).client.issueBillingKey(body.customer_uid, {
      card_number: CARDS.hanaUnknownType,
      expiry: '2030-12',
    });
    const error = await rejection(issue(body));
    expect(error.code).toBe('replacement_unconfirmed');
    expect((error.details.existing as BillingKeyView | undefined)?.cardName).toBeTruthy();
  });

  it('skips the Iamport look-up only with a fresh, genuine guard check for that very uid', async () => {
    const body = input(CARDS.kbCheck);
    const gets = () => sandbox.stats().get;
    let before = gets();
    await issue({ ...body, guard_check: signGuardCheck(body.customer_uid) });
    expect(gets() - before).toBe(0);

    for (const forged of [
      signGuardCheck('someone_else'),
      signGuardCheck(body.customer_uid, Date.now() - 11 * 60_000),
      `${Date.now()}.not-a-signature`,
    ]) {
      const other = input(CARDS.kbCheck);
      before = gets();
      await issue({ ...other, guard_check: forged.replace('someone_else', other.customer_uid) });
      expect(gets() - before).toBe(1);
    }
  });

  it('a timeout leaves an unknown attempt that a lookup later settles as issued', async () => {
    const body = input(CARDS.slow);
    const impatient = runtimeWith(sandbox, 50);
    const error = await rejection(issue(body, { runtime: impatient }));
    expect(error.code).toBe('outcome_unknown');
    expect(error.status).toBe(504);
    const [attempt] = await attemptsForKey(handle.db, body.customer_uid);
    expect(attempt?.outcome).toBe('unknown');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the PG finishes after the app gave up
    expect(await resolveAttempt(attempt!.id, { db: handle.db, runtime })).toBe('issued');
    expect((await attemptsForKey(handle.db, body.customer_uid))[0]?.outcome).toBe('issued');
    expect((await findStoredKey(handle.db, body.customer_uid))?.status).toBe('active');
  });

  it('a connection cut after sending is outcome_unknown, and the look-up records the key Iamport issued', async () => {
    const { body, error } = await issueLosingTheConnection('ECONNRESET', 'after sending');
    expect(error.code).toBe('outcome_unknown');
    expect(error.message).toContain('발급되었을 수도 있습니다');
    const [attempt] = await attemptsForKey(handle.db, body.customer_uid);
    expect(attempt?.outcome).toBe('unknown');
    expect(await resolveAttempt(attempt!.id, { db: handle.db, runtime })).toBe('issued');
    expect((await findStoredKey(handle.db, body.customer_uid))?.cardName).toBe('신한카드');
  });

  it('a refused connection is not issued, and the agent is told so', async () => {
    const { body, error } = await issueLosingTheConnection('ECONNREFUSED', 'before sending');
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toContain('발급되지 않았습니다');
    expect((await attemptsForKey(handle.db, body.customer_uid))[0]?.outcome).toBe('failed');
  });

  it('an attempt left pending by a crash is recorded from Iamport at recovery', async () => {
    const body = input(CARDS.shinhanCredit);
    // The app wrote the attempt, Iamport issued, and the process died before recording.
    await startPendingAttempt(body);
    await runtime.client.issueBillingKey(body.customer_uid, { card_number: body.card_number, expiry: '2030-12' });
    await handle.db.execute(
      sql`update issue_attempts set started_at = now() - interval '10 minutes' where customer_uid = ${body.customer_uid}`,
    );
    const counts = await resolveOpenAttempts({ db: handle.db, runtime });
    expect(counts.issued).toBeGreaterThanOrEqual(1);
    expect((await findStoredKey(handle.db, body.customer_uid))?.cardName).toBe('신한카드');
  });

  it("recovery waits for the uid's lease, and audits the issuance under the agent who asked for it", async () => {
    const body = input(CARDS.shinhanCredit);
    const attemptId = await startPendingAttempt(body, { actorId: 'agent-7' });
    await runtime.client.issueBillingKey(body.customer_uid, { card_number: body.card_number, expiry: '2030-12' });
    // Another request for the same uid is under way: recovery must not record meanwhile.
    const held = await tryLease(handle.db, body.customer_uid);
    expect(held).not.toBeNull();
    expect(await resolveAttempt(attemptId, { db: handle.db, runtime })).toBe('still_unknown');
    expect(await findStoredKey(handle.db, body.customer_uid)).toBeUndefined();
    await held!.release();
    expect(await resolveAttempt(attemptId, { db: handle.db, runtime })).toBe('issued');
    expect((await findStoredKey(handle.db, body.customer_uid))?.cardName).toBe('신한카드');
    const [event] = await listAuditEvents(handle.db, { targetId: body.customer_uid });
    expect(event).toMatchObject({
      action: 'billing_key.issue',
      actorId: 'agent-7',
      details: { attemptId, resolvedBy: 'lookup' },
    });
    // Its lease is given back: the next issuance to the uid is not kept waiting.
    expect(await tryLease(handle.db, body.customer_uid, { renew: false })).not.toBeNull();
  });

  it('a replay of a still-pending attempt waits for it, and never answers outcome_unknown', async () => {
    const key = crypto.randomUUID();
    const body = input(CARDS.kbCheck, { idempotency_key: key });
    await startPendingAttempt(body, { idempotencyKey: key });
    const held = await tryLease(handle.db, body.customer_uid);
    const error = await rejection(issue(body, { leaseWaitMs: 300 }));
    expect(error.code).toBe('issuance_in_progress');
    expect(error.status).toBe(409);
    await held!.release();
  });

  it('keeps no card data anywhere in the database', async () => {
    const digits = markerCardDigits();
    const body = input(digits, { birth: '930417', pwd_2digit: '37' });
    await issue(body);
    const dump = await handle.db.execute(sql`
      select json_agg(t)::text as dump from (
        select to_jsonb(k)::text as row from billing_keys k
        union all select to_jsonb(a)::text from issue_attempts a
        union all select to_jsonb(e)::text from audit_events e
        union all select to_jsonb(h)::text from billing_key_history h
        union all select to_jsonb(s)::text from sandbox_keys s
      ) t`);
    const text = String((dump.rows[0] as { dump: string }).dump);
    expect(text).toContain(body.customer_uid); // the dump does cover the rows just written
    expect(text).not.toContain(digits);
    expect(text).not.toContain(digits.replace(/(\d{4})(?=\d)/g, '$1-'));
    expect(text).not.toMatch(/930417/);
    expect(text).not.toMatch(/pwd_2digit/);
  });

  it('answers a repeated idempotency key from the first outcome, never issuing twice', async () => {
    const body = input(CARDS.kbCheck, { idempotency_key: crypto.randomUUID() });
    const before = sandbox.stats().issue;
    const results = await Promise.all(Array.from({ length: 10 }, () => issue(body, { leaseWaitMs: 10_000 })));
    expect(sandbox.stats().issue - before).toBe(1);
    expect(new Set(results.map((result) => result.billingKey.cardNumberMasked))).toEqual(new Set(['52728900****0004']));
    const again = await issue(body);
    expect(again.billingKey.customerUid).toBe(body.customer_uid);
    expect(sandbox.stats().issue - before).toBe(1);
    expect(await attemptsForKey(handle.db, body.customer_uid)).toHaveLength(1);
  });

  it('replays a rejection for a repeated idempotency key', async () => {
    const body = input(CARDS.declined, { idempotency_key: crypto.randomUUID() });
    const first = await rejection(issue(body));
    const before = sandbox.stats().issue;
    const second = await rejection(issue(body));
    expect(sandbox.stats().issue).toBe(before);
    expect([second.code, second.details.pgCode, second.message]).toEqual([
      first.code,
      first.details.pgCode,
      first.message,
    ]);
  });

  it('serialises two agents issuing to the same customer_uid at once: one key, one guard', async () => {
    const uid = `race_${Date.now()}`;
    const before = sandbox.stats().issue;
    const outcomes = await Promise.allSettled([
      issue(input(CARDS.kbCheck, { customer_uid: uid, idempotency_key: crypto.randomUUID() })),
      issue(input(CARDS.shinhanCredit, { customer_uid: uid, idempotency_key: crypto.randomUUID() })),
    ]);
    expect(sandbox.stats().issue - before).toBe(1);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe('replacement_unconfirmed');
  });

  it('refuses with 503 before calling Iamport when the database is unreachable', async () => {
    // Every query fails the way a dropped connection does.
    const unreachable = new Proxy({} as DbHandle['db'], {
      get: () => () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
    });
    const issuesBefore = sandbox.stats().issue;
    const error = await rejection(issue(input(CARDS.kbCheck), { db: unreachable }));
    expect(error.code).toBe('database_unavailable');
    expect(error.status).toBe(503);
    expect(sandbox.stats().issue).toBe(issuesBefore);
  });
});
