import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit';
import type { DbHandle } from '@/lib/db';
import { attemptsForKey, startAttempt } from '@/lib/db/attempts';
import { findStoredKey } from '@/lib/db/billing-keys';
import { testEngines } from '@/lib/testing/db';
import { uniqueUid, useCaseSuite } from '@/lib/testing/use-cases';
import { IamportClient } from '@/lib/iamport/client';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from '@/lib/iamport/sandbox';
import type { IamportRuntime } from '@/lib/runtime';
import { startRecoveryLoop, type RecoveryLoop } from './recovery-loop';

const CARD = '5272-8900-0000-0004';
const fast = { graceMs: 0, minDelayMs: 20, maxDelayMs: 100, idleMs: 100 };

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

/** The app wrote its attempt, Iamport issued (or not), and the process died before recording. */
async function crashedAttempt(db: DbHandle['db'], runtime: IamportRuntime, options: { issued: boolean }) {
  const customerUid = uniqueUid('crash');
  const attemptId = await startAttempt(db, {
    customerUid,
    requestedPg: 'nice',
    channelKey: null,
    pgProvider: 'nice',
    appMode: 'sandbox',
    actorId: 'agent-9',
  });
  if (options.issued) await runtime.client.issueBillingKey(customerUid, { card_number: CARD, expiry: '2030-12' });
  return { customerUid, attemptId };
}

/** The dead process's lease on the uid: it stopped renewing, so it runs out `msLeft` from now. */
async function deadLease(db: DbHandle['db'], customerUid: string, msLeft: number) {
  await db.execute(
    sql`insert into issue_locks (customer_uid, holder, expires_at)
        values (${customerUid}, 'dead-process', now() + ${`${msLeft} milliseconds`}::interval)`,
  );
}

const outcomeOf = async (db: DbHandle['db'], customerUid: string) =>
  (await attemptsForKey(db, customerUid))[0]?.outcome;

describe.each(testEngines())('the recovery loop on $name', (engine) => {
  const { handle, runtime } = useCaseSuite(engine);
  const loops: RecoveryLoop[] = [];
  const start = (options: Partial<Parameters<typeof startRecoveryLoop>[0]> = {}, on: IamportRuntime = runtime) => {
    const loop = startRecoveryLoop({ open: async () => ({ handle, runtime: on }), ...fast, ...options });
    loops.push(loop);
    return loop;
  };
  // Registered after the database, so it runs before the database closes (after hooks run in reverse).
  afterAll(async () => {
    await Promise.all(loops.map((loop) => loop.stop()));
  });

  it("records a crashed issuance as soon as the dead process's lease runs out, not before", async () => {
    const { customerUid } = await crashedAttempt(handle.db, runtime, { issued: true });
    await deadLease(handle.db, customerUid, 600);
    const loop = start();
    await loop.nextRound();
    await loop.nextRound();
    expect(await findStoredKey(handle.db, customerUid)).toBeUndefined();
    await until(async () => (await outcomeOf(handle.db, customerUid)) === 'issued', 3_000);
    expect((await findStoredKey(handle.db, customerUid))?.cardNumberMasked).toBeTruthy();
    const [event] = await listAuditEvents(handle.db, { targetId: customerUid });
    expect(event).toMatchObject({ action: 'billing_key.issue', actorId: 'agent-9' });
    await loop.stop();
  });

  it('a "no such key" is final only once the request can no longer be on its way', async () => {
    const { customerUid } = await crashedAttempt(handle.db, runtime, { issued: false });
    const loop = start({ inFlightMaxMs: 800 });
    await loop.nextRound();
    await loop.nextRound();
    expect(await outcomeOf(handle.db, customerUid)).toBe('pending');
    await until(async () => (await outcomeOf(handle.db, customerUid)) === 'failed', 3_000);
    expect(await findStoredKey(handle.db, customerUid)).toBeUndefined();
    await loop.stop();
  });

  it('keeps looking, with backoff, while Iamport is unreachable, and records the key once it is back', async () => {
    let reachable = false;
    let lookups = 0;
    const flaky: IamportRuntime = {
      ...runtime,
      client: new IamportClient({
        baseUrl: 'http://sandbox.test',
        impKey: SANDBOX_IMP_KEY,
        impSecret: SANDBOX_IMP_SECRET,
        retryDelayMs: 0,
        fetch: (request) => {
          lookups += 1; // the token request, or the look-up itself
          if (!reachable)
            throw new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
          return runtime.sandbox!.fetch(request);
        },
      }),
    };
    const { customerUid } = await crashedAttempt(handle.db, runtime, { issued: true });
    start({ minDelayMs: 20, maxDelayMs: 160 }, flaky);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    // Backoff 20, 40, 80, 160, 160…: about ten rounds in 1.2 s (each a few requests, the client
    // retries), where a fixed 20 ms pause would make sixty.
    expect(lookups).toBeGreaterThanOrEqual(1);
    expect(lookups).toBeLessThan(45);
    expect(await outcomeOf(handle.db, customerUid)).toBe('pending');
    reachable = true;
    const tookMs = await until(async () => (await outcomeOf(handle.db, customerUid)) === 'issued', 2_000);
    expect(tookMs).toBeLessThan(1_000);
  });

  it('two instances on one database record each key once', async () => {
    const crashed = await Promise.all(
      Array.from({ length: 6 }, () => crashedAttempt(handle.db, runtime, { issued: true })),
    );
    start();
    start();
    for (const { customerUid } of crashed) {
      await until(async () => (await outcomeOf(handle.db, customerUid)) === 'issued', 5_000);
      const events = await listAuditEvents(handle.db, { targetId: customerUid });
      expect(events.filter((event) => event.action === 'billing_key.issue')).toHaveLength(1);
    }
  });

  it('stops when its database closes, and touches it no more', async () => {
    const own = await engine.open();
    let opens = 0;
    const loop = startRecoveryLoop({
      open: async () => {
        opens += 1;
        return { handle: own, runtime };
      },
      ...fast,
    });
    await loop.nextRound();
    await own.close();
    const after = opens;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(opens).toBe(after);
    await loop.nextRound(); // resolves at once: the loop has ended
  }, 30_000);
});
