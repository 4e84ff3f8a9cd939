import 'server-only';
import { recordAudit } from '@/lib/audit';
import type { RequestContext } from '@/lib/model/staff';
import { signedIn } from '@/lib/request-context';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
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

export const getSecuritySettings = defineUseCase(async ({ db }: Resolved): Promise<SecuritySettings> => {
  const [row] = await db.select().from(settings).where(eq(settings.key, REQUIRE_TWO_FACTOR)).limit(1);
  return {
    requireTwoFactor: row?.value === true,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
});

/** Stores the setting; returns the previous value so the caller can audit the change. */
export async function setRequireTwoFactor(db: Db, value: boolean, actorId: string): Promise<boolean> {
  const previous = (await getSecuritySettings({ db })).requireTwoFactor;
  await db
    .insert(settings)
    .values({ key: REQUIRE_TWO_FACTOR, value, updatedBy: actorId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: new Date() } });
  return previous;
}

/** "Require 2FA for everyone": the setting and its audit event (old and new value), both written or neither. */
export const saveSecuritySettings = defineUseCase(
  async (
    input: { requireTwoFactor: boolean },
    context: RequestContext,
    { db }: Resolved,
  ): Promise<SecuritySettings> => {
    const actor = signedIn(context);
    await db.transaction(async (tx) => {
      const previous = await setRequireTwoFactor(tx as unknown as Db, input.requireTwoFactor, actor.id);
      await recordAudit(tx as unknown as Db, context, {
        action: 'settings.update',
        result: 'success',
        targetType: 'setting',
        targetId: REQUIRE_TWO_FACTOR,
        details: { from: previous, to: input.requireTwoFactor },
      });
    });
    return getSecuritySettings({ db });
  },
);
