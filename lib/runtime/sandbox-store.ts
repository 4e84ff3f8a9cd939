import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { SandboxStore } from '@/lib/iamport/sandbox';
import type { CustomerAnnotation } from '@/lib/iamport/types';
import type { Db } from '@/lib/db/client';
import { sandboxKeys } from '@/lib/db/schema';

/**
 * The in-app sandbox's state in the app's own database, so a restart does not make every key
 * vanish "at Iamport". Holds what a PG returns (masked number), never card data.
 */
export function createDbSandboxStore(getDb: () => Promise<Db>): SandboxStore {
  return {
    async get(key) {
      const db = await getDb();
      const [row] = await db.select().from(sandboxKeys).where(eq(sandboxKeys.key, key));
      return row ? (row.annotation as CustomerAnnotation) : undefined;
    },
    async getFirst(keys) {
      if (keys.length === 0) return undefined;
      const db = await getDb();
      const rows = await db
        .select()
        .from(sandboxKeys)
        .where(inArray(sandboxKeys.key, [...keys]));
      const byKey = new Map(rows.map((row) => [row.key, row.annotation as CustomerAnnotation]));
      const key = keys.find((candidate) => byKey.has(candidate));
      return key === undefined ? undefined : { key, value: byKey.get(key)! };
    },
    async set(key, value, removing) {
      const db = await getDb();
      const annotation = value as Record<string, unknown>;
      // One statement: a replaced key is removed in the same step (a data-modifying WITH).
      const withRemoval =
        removing === undefined
          ? db
          : db.with(
              db
                .$with('removed')
                .as(db.delete(sandboxKeys).where(eq(sandboxKeys.key, removing)).returning({ key: sandboxKeys.key })),
            );
      await withRemoval
        .insert(sandboxKeys)
        .values({ key, annotation, updatedAt: new Date() })
        .onConflictDoUpdate({ target: sandboxKeys.key, set: { annotation, updatedAt: new Date() } });
    },
    async delete(key) {
      const db = await getDb();
      const deleted = await db.delete(sandboxKeys).where(eq(sandboxKeys.key, key)).returning({ key: sandboxKeys.key });
      return deleted.length > 0;
    },
  };
}
