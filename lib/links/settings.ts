import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { settings } from '@/lib/db/schema';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { inTransaction } from './transaction';
import { getEnv } from '@/lib/env';
import type { LinkSettingsView } from '@/lib/model/links';
import type { RequestContext } from '@/lib/model/staff';
import {
  LINK_EXPIRY_MINUTES,
  linkSettingsSchema,
  type LinkSettingsInput,
  type LinkSettingsValues,
} from '@/lib/validations/links';

export const LINK_SETTINGS_KEY = 'links.settings';

export const DEFAULT_LINK_SETTINGS: LinkSettingsValues = {
  expiryMinutes: LINK_EXPIRY_MINUTES.default,
  merchantName: '가맹점',
  purpose: '정기결제에 쓸 카드를 등록합니다. 카드 정보는 결제대행사(PG)에만 전달되고 가맹점에 저장되지 않습니다.',
  terms:
    '1. 입력한 카드로 정기결제용 빌링키를 발급하는 데 동의합니다.\n2. 카드 정보는 결제대행사에 전달되며 가맹점은 마스킹된 카드번호만 보관합니다.\n3. 등록한 카드는 가맹점에 요청해 언제든 해지할 수 있습니다.',
};

/** The admin's link settings; a missing or broken value reads as the defaults. */
export async function getLinkSettings(
  db: Db,
): Promise<LinkSettingsValues & { updatedAt: Date | null; updatedBy: string | null }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, LINK_SETTINGS_KEY));
  const parsed = linkSettingsSchema.safeParse(row?.value);
  return {
    ...(parsed.success ? parsed.data : DEFAULT_LINK_SETTINGS),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export const linkSettingsView = defineUseCase(async ({ db }: Resolved): Promise<LinkSettingsView> => {
  const current = await getLinkSettings(db);
  const env = getEnv();
  return {
    expiryMinutes: current.expiryMinutes,
    merchantName: current.merchantName,
    purpose: current.purpose,
    terms: current.terms,
    updatedAt: current.updatedAt?.toISOString() ?? null,
    updatedBy: current.updatedBy,
    email: Boolean(env.SMTP_URL),
    webhook: Boolean(env.LINK_WEBHOOK_URL),
    publicUrl: env.PUBLIC_URL ?? null,
  };
});

export const saveLinkSettings = defineUseCase(
  async (input: LinkSettingsInput, context: RequestContext, { db }: Resolved): Promise<LinkSettingsView> => {
    const value = linkSettingsSchema.parse(input);
    const at = new Date();
    const actorId = context.actor?.id ?? null;
    await inTransaction(db, async (tx) => {
      await tx
        .insert(settings)
        .values({ key: LINK_SETTINGS_KEY, value, updatedAt: at, updatedBy: actorId })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at, updatedBy: actorId } });
      await recordAudit(tx, context, {
        action: 'settings.update',
        result: 'success',
        targetType: 'settings',
        targetId: LINK_SETTINGS_KEY,
        details: { expiryMinutes: value.expiryMinutes },
      });
    });
    return linkSettingsView({ db });
  },
);
