import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Db } from './client';
import type { StaffPerson } from '@/lib/model/staff';
import { authUsers } from './schema';

/**
 * Staff ids → who they are, in one query, so screens say who acted rather than an account id. An id
 * no account has (any more) is absent from the map; the caller shows its fallback.
 */
export async function staffById(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, StaffPerson>> {
  const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: authUsers.id, email: authUsers.email, name: authUsers.name })
    .from(authUsers)
    .where(inArray(authUsers.id, unique));
  return new Map(rows.map((row) => [row.id, { email: row.email, name: row.name }]));
}

/** Staff ids → their emails (one query). */
export async function staffEmailsById(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const people = await staffById(db, ids);
  return new Map([...people].map(([id, person]) => [id, person.email]));
}
