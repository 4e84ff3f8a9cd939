import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { authUsers } from '@/lib/db/schema';

/** Staff ids → their emails, so screens say who acted rather than an account id. */
export async function staffEmailsById(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: authUsers.id, email: authUsers.email })
    .from(authUsers)
    .where(inArray(authUsers.id, unique));
  return new Map(rows.map((row) => [row.id, row.email]));
}
