import 'server-only';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { parseEnv } from '@/lib/env';
import { openPglite, openPostgres, type DbHandle } from '@/lib/db/client';
import { createScratchDatabase } from '@/lib/db/scratch-database';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  open(): Promise<DbHandle>;
}

/**
 * Engines storage tests run on: PGlite in memory always, and PostgreSQL when TEST_DATABASE_URL is
 * set, each open in a fresh database of its own (dropped on close).
 */
export function testEngines(source: Record<string, string | undefined> = process.env): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite', open: () => openPglite(null) }];
  const url = parseEnv(source).TEST_DATABASE_URL;
  if (url) engines.push({ name: 'postgres', open: () => openFreshPostgres(url) });
  return engines;
}

export async function openFreshPostgres(serverUrl: string): Promise<DbHandle> {
  const scratch = await createScratchDatabase(
    serverUrl,
    `bk_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`,
  );
  const handle = await openPostgres(scratch.url, { max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

export interface SuiteDatabaseOptions {
  /** Runs right after each open, e.g. to build a runtime or seed rows; the database is readable by then. */
  seed?: (handle: DbHandle) => unknown;
  /** A fresh database for every test (beforeEach/afterEach) instead of one for the whole suite. */
  perTest?: boolean;
}

/**
 * The database of a `describe.each(testEngines())` suite: opened before (each or all of) its tests on
 * `engine`, closed after. The answer stands for the open handle; read it only inside hooks and tests.
 */
export function suiteDatabase(engine: TestEngine, options: SuiteDatabaseOptions = {}): DbHandle {
  let current: DbHandle | undefined;
  const open = async () => {
    current = await engine.open();
    await options.seed?.(current);
  };
  const close = async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  };
  if (options.perTest) {
    beforeEach(open, 60_000);
    afterEach(close);
  } else {
    beforeAll(open, 60_000);
    afterAll(close);
  }
  const handle = () => {
    if (!current) throw new Error('The suite database is not open here (use it inside hooks and tests).');
    return current;
  };
  return {
    get db() {
      return handle().db;
    },
    get engine() {
      return handle().engine;
    },
    onClose: (listener) => handle().onClose(listener),
    close: () => close(),
  };
}
