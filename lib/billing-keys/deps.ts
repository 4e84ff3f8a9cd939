import 'server-only';
import { getDb, type Db } from '@/lib/db';
import { getIamport, type IamportRuntime } from '@/lib/runtime';

/** What a use case needs from outside; tests pass their own, the app gets the process's. */
export interface UseCaseDeps {
  db?: Db;
  runtime?: IamportRuntime;
}

/** The database first: when it is down (503), nothing is sent to Iamport. */
export async function resolveDeps(deps: UseCaseDeps = {}): Promise<{ db: Db; runtime: IamportRuntime }> {
  const db = deps.db ?? (await getDb());
  return { db, runtime: deps.runtime ?? getIamport() };
}
