import 'server-only';
import { getDb, type Db } from '@/lib/db';
import { getIamport, type IamportRuntime } from './index';

/**
 * What a use case takes from outside the request, always its last argument and optional
 * (docs/architecture.md, "Use cases"): the app passes nothing and gets the process's database and
 * Iamport; tests pass their own. A use case may add its own knobs (a clock, a wait) to this.
 */
export interface UseCaseDeps {
  db?: Db;
  runtime?: IamportRuntime;
}

/** The database first: when it is down (503), nothing is sent to Iamport. */
export async function resolveDeps(deps: UseCaseDeps = {}): Promise<{ db: Db; runtime: IamportRuntime }> {
  const db = deps.db ?? (await getDb());
  return { db, runtime: deps.runtime ?? getIamport() };
}

/** For use cases that only read or write the database. */
export async function resolveDb(deps: { db?: Db } = {}): Promise<Db> {
  return deps.db ?? (await getDb());
}
