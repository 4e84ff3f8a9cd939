import 'server-only';
import type { Db } from '@/lib/db';

/** Runs `step` in one transaction: a change and its audit event are written together or not at all. */
export function inTransaction<T>(db: Db, step: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => step(tx as unknown as Db));
}
