import 'server-only';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { acquireFolderLock } from './lock';
import * as schema from './schema';

/** Both engines speak the same Drizzle query API; the node-postgres type stands for both. */
export type Db = NodePgDatabase<typeof schema>;

export interface DbHandle {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Runs `listener` (awaited) before the database closes: background work stops first. */
  onClose(listener: () => Promise<void> | void): void;
  close(): Promise<void>;
}

/** The closing half of a handle: listeners first, once, then the engine's own close. */
function closing(closeEngine: () => Promise<void>): Pick<DbHandle, 'onClose' | 'close'> {
  const listeners: (() => Promise<void> | void)[] = [];
  let closed: Promise<void> | undefined;
  return {
    onClose: (listener) => void listeners.push(listener),
    close: () =>
      (closed ??= (async () => {
        await Promise.allSettled(listeners.map(async (listener) => listener()));
        await closeEngine();
      })()),
  };
}

const MIGRATIONS_FOLDER = join(process.cwd(), 'db/migrations');
/** Serialises migrations when several app instances start on one PostgreSQL at once. */
const MIGRATION_LOCK_ID = 724_100_917;

/**
 * PGlite's start parameters: its defaults, with a buffer cache of `sharedBuffers` (PostgreSQL's
 * default 128MB fills up with use and stays resident in the server's own memory).
 */
function pgliteStartParams(sharedBuffers: string): string[] {
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`];
}

/** Embedded PGlite in `dataDir` (created if missing, locked against other processes), or in memory. */
export async function openPglite(
  dataDir: string | null,
  { sharedBuffers = '64MB' }: { sharedBuffers?: string } = {},
): Promise<DbHandle> {
  const options = { extensions: { pg_trgm }, startParams: pgliteStartParams(sharedBuffers) };
  let release: (() => void) | undefined;
  let client: PGlite;
  if (dataDir) {
    const folder = resolve(dataDir);
    mkdirSync(folder, { recursive: true });
    release = acquireFolderLock(join(folder, 'pglite.lock'));
    try {
      client = await PGlite.create(join(folder, 'pglite'), options);
    } catch (error) {
      release();
      throw error;
    }
  } else {
    client = await PGlite.create(options);
  }
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // PGlite runs no autovacuum: without statistics the planner skips the list's indexes.
  void client.exec('analyze').catch(() => {});
  return {
    db: db as unknown as Db,
    engine: 'pglite',
    ...closing(async () => {
      await client.close();
      release?.();
    }),
  };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DbHandle> {
  const pool = new Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client dropped by the server must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePostgres({ client: pool, schema });
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    lockClient.release();
  }
  return { db, engine: 'postgres', ...closing(() => pool.end()) };
}
