import 'server-only';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { parseEnv } from '@/lib/env';
import { openPglite, openPostgres, type DbHandle } from '@/lib/db/client';

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
  const name = `bk_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
