import 'server-only';
import type { DbHandle } from '@/lib/db';
import { getLogger } from '@/lib/log';
import type { IamportRuntime } from '@/lib/runtime';
import { resolveOpenAttempts, type RecoveryDeps } from './recovery';

export interface RecoveryLoopOptions {
  /** The database and Iamport to work on; called before every round, so a failed open is retried. */
  open(): Promise<{ handle: DbHandle; runtime: IamportRuntime }>;
  /** Attempts younger than this belong to the request still making them. Default 2 s. */
  graceMs?: number;
  /** Backoff while something stays open: from `minDelayMs`, doubling, up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** The pause when nothing is open. Default 30 s. */
  idleMs?: number;
  inFlightMaxMs?: RecoveryDeps['inFlightMaxMs'];
}

export interface RecoveryLoop {
  /** Runs a round now (an issuance just ended without a known outcome). */
  nudge(): void;
  /** Ends the loop after the round under way; resolves when it has. */
  stop(): Promise<void>;
  /** Resolves after the next complete round (tests). */
  nextRound(): Promise<void>;
}

/**
 * The background duty every instance runs: settle issuance attempts whose outcome is open (pending
 * after a crash, unknown after a lost answer) by looking them up at Iamport, from start-up on. While
 * anything stays open it looks again with backoff (1 s → 10 s); with nothing open it idles (30 s).
 * Safe with several instances: each attempt is settled under its customer_uid's lease. It stops when
 * its database closes.
 */
export function startRecoveryLoop(options: RecoveryLoopOptions): RecoveryLoop {
  const minDelayMs = options.minDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const idleMs = options.idleMs ?? 30_000;
  const graceMs = options.graceMs ?? 2_000;
  const log = getLogger();
  let stopped = false;
  let wake: (() => void) | null = null;
  let nudged = false;
  let delayMs = minDelayMs;
  let roundWaiters: (() => void)[] = [];
  const watched = new WeakSet<DbHandle>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped || nudged) return resolve();
      const timer = setTimeout(done, ms);
      timer.unref?.();
      wake = done;
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
    });

  async function round(): Promise<number> {
    const { handle, runtime } = await options.open();
    if (!watched.has(handle)) {
      watched.add(handle);
      handle.onClose(() => loop.stop());
    }
    if (stopped) return idleMs;
    const counts = await resolveOpenAttempts(
      { db: handle.db, runtime, inFlightMaxMs: options.inFlightMaxMs },
      { olderThanMs: graceMs },
    );
    if (counts.issued + counts.not_issued > 0) log.info({ counts }, 'open issuance attempts settled');
    if (counts.still_unknown === 0) {
      delayMs = minDelayMs;
      // Settled something: look again soon, younger attempts may have aged past the grace.
      return counts.issued + counts.not_issued + counts.already_resolved > 0 ? minDelayMs : idleMs;
    }
    const wait = delayMs;
    delayMs = Math.min(delayMs * 2, maxDelayMs);
    return wait;
  }

  const running = (async () => {
    while (!stopped) {
      nudged = false;
      let wait: number;
      try {
        wait = await round();
      } catch (error) {
        if (stopped) break;
        log.warn({ err: error }, 'recovery round failed; trying again');
        wait = delayMs;
        delayMs = Math.min(delayMs * 2, maxDelayMs);
      }
      const waiters = roundWaiters;
      roundWaiters = [];
      for (const resolve of waiters) resolve();
      await sleep(wait);
    }
    for (const resolve of roundWaiters) resolve();
  })();

  const loop: RecoveryLoop = {
    nudge() {
      nudged = true;
      delayMs = minDelayMs;
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
    nextRound: () => new Promise<void>((resolve) => (stopped ? resolve() : roundWaiters.push(resolve))),
  };
  return loop;
}

const globalForRecovery = globalThis as unknown as { __billingKeyRecoveryLoop?: RecoveryLoop };

/**
 * Starts this process's recovery loop on the process's database and Iamport (once; instrumentation
 * calls it at start-up, so a crash's open attempts are settled without waiting for a request).
 */
export function startProcessRecovery(open: RecoveryLoopOptions['open']): RecoveryLoop {
  globalForRecovery.__billingKeyRecoveryLoop ??= startRecoveryLoop({ open });
  return globalForRecovery.__billingKeyRecoveryLoop;
}

/** Asks this process's loop, if it runs, for a round now. */
export function nudgeRecovery(): void {
  globalForRecovery.__billingKeyRecoveryLoop?.nudge();
}
