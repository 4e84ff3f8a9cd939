import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { settings } from '@/lib/db/schema';

/** When true, every account must set up TOTP before it can do anything else. */
export const REQUIRE_TWO_FACTOR = 'auth.require_two_factor';

export interface SecuritySettings {
  requireTwoFactor: boolean;
  /** ISO time of the last change, null while never changed. */
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function getSecuritySettings(db: Db): Promise<SecuritySettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, REQUIRE_TWO_FACTOR)).limit(1);
  return {
    requireTwoFactor: row?.value === true,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** Stores the setting; returns the previous value so the caller can audit the change. */
export async function setRequireTwoFactor(db: Db, value: boolean, actorId: string): Promise<boolean> {
  const previous = (await getSecuritySettings(db)).requireTwoFactor;
  await db
    .insert(settings)
    .values({ key: REQUIRE_TWO_FACTOR, value, updatedBy: actorId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: new Date() } });
  return previous;
}
