import 'server-only';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getLogger } from '@/lib/log';
import { openPglite, openPostgres, type Db, type DbHandle } from './client';

const globalForDb = globalThis as unknown as { __billingKeyDb?: Promise<DbHandle> };

function openConfigured(): Promise<DbHandle> {
  const env = getEnv();
  return env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL)
    : openPglite(env.DATA_DIR, { sharedBuffers: env.PGLITE_SHARED_BUFFERS });
}

/**
 * The process's database, opened (and migrated) on first use and kept on globalThis so dev reloads
 * reuse it. A failed open is not cached: the next call tries again (PostgreSQL may come back).
 */
export async function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__billingKeyDb) {
    const opening = openConfigured();
    globalForDb.__billingKeyDb = opening;
    opening.catch((error: unknown) => {
      getLogger().error({ err: error }, 'database could not be opened');
      if (globalForDb.__billingKeyDb === opening) globalForDb.__billingKeyDb = undefined;
    });
  }
  return globalForDb.__billingKeyDb;
}

export async function getDb(): Promise<Db> {
  try {
    return (await getDbHandle()).db;
  } catch (error) {
    throw databaseUnavailable(error);
  }
}

/** The 503 every use case gives when storage is unreachable: nothing was sent to Iamport. */
export function databaseUnavailable(cause: unknown): AppError {
  const locked = cause instanceof Error && cause.name === 'DatabaseLockedError';
  return new AppError(
    'database_unavailable',
    locked
      ? '데이터베이스 폴더를 다른 프로세스가 쓰고 있어 열 수 없습니다. 관리자에게 알려 주세요.'
      : '데이터베이스에 연결할 수 없어 요청을 처리하지 않았습니다. Iamport에는 아무것도 보내지 않았습니다. 잠시 후 다시 시도하세요.',
  );
}

export type { Db, DbHandle };
