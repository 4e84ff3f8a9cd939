import 'server-only';
import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db';
import { getIamport } from '@/lib/runtime';

export interface Readiness {
  ready: boolean;
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

/** Readiness: the database answers a query and Iamport hands out a token. */
export async function checkReadiness(): Promise<Readiness> {
  const runtime = getIamport();
  const [database, iamport] = await Promise.all([
    timed(async () => {
      const handle = await getDbHandle();
      await handle.db.execute(sql`select 1`);
      return handle.engine;
    }),
    timed(() => runtime.client.getToken()),
  ]);
  const result: Readiness = {
    ready: !database.error && !iamport.error,
    database: { ok: !database.error, engine: database.value, ms: database.ms, error: database.error },
    iamport: { ok: !iamport.error, mode: runtime.mode, ms: iamport.ms, error: iamport.error },
  };
  return result;
}
