import 'server-only';
import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db';
import { getIamport, type IamportRuntime } from '@/lib/runtime';

export interface Readiness {
  ready: boolean;
  /** When not ready: the app's error envelope, so the 503 says why in Korean (never internal_error). */
  error?: { code: 'not_ready'; message: string };
  database: { ok: boolean; engine?: 'pglite' | 'postgres'; ms: number; error?: string };
  iamport: { ok: boolean; mode: 'sandbox' | 'live'; ms: number; error?: string };
}

async function timed<T>(step: () => Promise<T>): Promise<{ ms: number; value?: T; error?: string }> {
  const started = performance.now();
  try {
    const value = await step();
    return { ms: Math.round(performance.now() - started), value };
  } catch (error) {
    // Only the error's class reaches the answer: messages may carry connection strings.
    return { ms: Math.round(performance.now() - started), error: error instanceof Error ? error.name : 'Error' };
  }
}

/** The Iamport probe gives up after this long: a load balancer's check must not hang. */
const IAMPORT_PROBE_MS = 3_000;

/**
 * Readiness: the database answers a query and Iamport answers a real authenticated call
 * (`GET /users/pg`, not just a cached token), within 3 s.
 */
export async function checkReadiness(
  options: {
    runtime?: IamportRuntime;
    probeMs?: number;
    /** Tests: the database probe (default: `select 1` on the process's database). */
    database?: () => Promise<'pglite' | 'postgres'>;
  } = {},
): Promise<Readiness> {
  const runtime = options.runtime ?? getIamport();
  const [database, iamport] = await Promise.all([
    timed(
      options.database ??
        (async () => {
          const handle = await getDbHandle();
          await handle.db.execute(sql`select 1`);
          return handle.engine;
        }),
    ),
    timed(() => runtime.client.listChannels({ signal: AbortSignal.timeout(options.probeMs ?? IAMPORT_PROBE_MS) })),
  ]);
  const result: Readiness = {
    ready: !database.error && !iamport.error,
    database: { ok: !database.error, engine: database.value, ms: database.ms, error: database.error },
    iamport: { ok: !iamport.error, mode: runtime.mode, ms: iamport.ms, error: iamport.error },
  };
  if (!result.ready) {
    const down = [database.error ? '데이터베이스' : null, iamport.error ? 'Iamport' : null].filter(Boolean).join(', ');
    result.error = { code: 'not_ready', message: `준비되지 않았습니다: ${down}에 연결할 수 없습니다.` };
  }
  return result;
}
