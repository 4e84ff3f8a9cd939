import 'server-only';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit, recordAuditOutcome } from '@/lib/audit';
import { explainIamportMessage } from '@/lib/gateways/explain';
import { linkEvent } from './audit';
import { inTransaction } from './transaction';
import { can } from '@/lib/auth/permissions';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { issueBillingKey, type IssueContext } from '@/lib/billing-keys/issue';
import { authUsers, cardLinks, issueAttempts, type CardLinkRow } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import { AppError, validationError } from '@/lib/errors';
import { pgDisplayName, providerOfPg } from '@/lib/gateways/catalog';
import { getLogger } from '@/lib/log';
import type { LinkRegistered, PublicLinkView } from '@/lib/model/links';
import type { Actor, RequestContext } from '@/lib/model/staff';
import type { Db } from '@/lib/db';
import { ROLES, type Role } from '@/lib/validations/auth';
import { issueBillingKeySchema } from '@/lib/validations/billing-key';
import { buildLinkSubmissionSchema } from '@/lib/validations/links';
import { countLinkHit, LINK_SUBMIT_LIMIT, linkHitKey } from './rate-limit';
import { getLinkSettings } from './settings';
import { hashLinkToken, LINK_TOKEN_PATTERN, tokenLogId } from './token';
import { linkStatus, customerFieldsOf } from './views';

/** After this many rejected cards the link locks. */
export const MAX_FAILED_ATTEMPTS = 5;

export const LINK_GONE_MESSAGE = '이 링크로는 더 이상 카드를 등록할 수 없습니다. 가맹점에 문의하세요.';
const CONTACT_MERCHANT = '카드를 등록하지 못했습니다. 가맹점에 문의하세요.';

async function findByToken(db: Db, token: string): Promise<CardLinkRow | null> {
  if (!LINK_TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select()
    .from(cardLinks)
    .where(eq(cardLinks.tokenHash, hashLinkToken(token)));
  return row ?? null;
}

type DeadState = Exclude<PublicLinkView['state'], 'open'>;

/** A link that can no longer be used, and why; unknown tokens read as expired (a guess tells nothing). */
function deadState(row: CardLinkRow | null, now: Date): DeadState | null {
  if (!row) return 'expired';
  const status = linkStatus(row, now);
  if (status === 'active' || status === 'issuing') return null;
  return status;
}

/**
 * The customer's page: what the link is for, or why it is over. The first opening is recorded
 * (`link.open`) so the agent sees it.
 */
export const openLink = defineUseCase(
  async (
    token: string,
    context: RequestContext,
    { db, now = new Date() }: Resolved<{ now?: Date }>,
  ): Promise<PublicLinkView> => {
    await countLinkHit(db, context.ip);
    const settings = await getLinkSettings(db);
    const row = await findByToken(db, token);
    const dead = deadState(row, now);
    if (dead || !row) return { state: dead ?? 'expired', merchantName: settings.merchantName };
    // The first opening and its `link.open` event together.
    const opened = await inTransaction(db, async (tx) => {
      const [first] = await tx
        .update(cardLinks)
        .set({ openedAt: now })
        .where(and(eq(cardLinks.id, row.id), isNull(cardLinks.openedAt)))
        .returning({ id: cardLinks.id });
      if (first) {
        await recordAudit(tx, context, linkEvent('link.open', 'success', row, { customerUid: row.customerUid }));
      }
      return Boolean(first);
    });
    if (opened) getLogger().info({ linkId: row.id, token: tokenLogId(row.tokenHash) }, 'link opened');
    return {
      state: 'open',
      merchantName: settings.merchantName,
      purpose: settings.purpose,
      terms: settings.terms,
      pg: row.pg,
      providerName: pgDisplayName(providerOfPg(row.pg) ?? row.pg),
      testChannel: row.testChannel,
      expiresAt: row.expiresAt.toISOString(),
    };
  },
);

/** How long a submission may hold the link before another may take it (its process died). */
const claimStaleMs = () => getEnv().IAMPORT_ISSUE_TIMEOUT_MS + 60_000;

/** Takes the link for one submission; null when it is not usable (over, or another one under way). */
async function claim(db: Db, row: CardLinkRow, now: Date): Promise<CardLinkRow | null> {
  const [claimed] = await db
    .update(cardLinks)
    .set({ status: 'issuing', claimedAt: now })
    .where(
      and(
        eq(cardLinks.id, row.id),
        gt(cardLinks.expiresAt, now),
        or(
          eq(cardLinks.status, 'active'),
          and(eq(cardLinks.status, 'issuing'), lt(cardLinks.claimedAt, new Date(now.getTime() - claimStaleMs()))),
        ),
        // A link whose card was issued (even if recorded late by recovery) is used.
        sql`not exists (select 1 from ${issueAttempts} where ${issueAttempts.linkId} = ${row.id} and ${issueAttempts.outcome} = 'issued')`,
      ),
    )
    .returning();
  return claimed ?? null;
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The agent who sent the link, still active and still allowed to send it; the issuance runs as them. */
async function senderOf(db: Db, row: CardLinkRow): Promise<Actor | null> {
  const [user] = await db.select().from(authUsers).where(eq(authUsers.id, row.createdBy));
  if (!user || user.deactivatedAt || !isRole(user.role)) return null;
  const allowed = can(user.role, 'links.send') || (row.testChannel && can(user.role, 'links.send.test_only'));
  return allowed ? { id: user.id, email: user.email, role: user.role } : null;
}

const koreanIssues = z.locales.ko().localeError;

/**
 * The customer's card, typed on the link's page: checked with the agent form's schema, then issued
 * through the same use case as the agent's (lease, attempt first, recovery, guardrails, audit) as
 * the agent who sent the link, marked as entered by the customer. Used once; five rejected cards lock it.
 */
export const submitLink = defineUseCase(
  async (
    token: string,
    body: unknown,
    context: RequestContext,
    { db, runtime, now = new Date() }: Resolved<{ now?: Date }>,
  ): Promise<LinkRegistered> => {
    await countLinkHit(db, context.ip);
    const row = await findByToken(db, token);
    if (!row || deadState(row, now)) throw new AppError('not_found', LINK_GONE_MESSAGE);
    await countLinkHit(db, linkHitKey(row.id), now, LINK_SUBMIT_LIMIT);

    const parsed = buildLinkSubmissionSchema(row.pg).safeParse(body, { error: koreanIssues });
    if (!parsed.success) throw validationError(parsed.error);
    const card = parsed.data;

    const claimed = await claim(db, row, now);
    if (!claimed) {
      const [fresh] = await db.select().from(cardLinks).where(eq(cardLinks.id, row.id));
      if (fresh?.status === 'issuing' && !deadState(fresh, now)) {
        throw new AppError('issuance_in_progress', '등록 요청을 처리하고 있습니다. 잠시 후 다시 확인하세요.');
      }
      throw new AppError('not_found', LINK_GONE_MESSAGE);
    }
    const log = getLogger().child({ linkId: row.id, token: tokenLogId(row.tokenHash) });
    const release = (values: Partial<CardLinkRow>) => db.update(cardLinks).set(values).where(eq(cardLinks.id, row.id));

    const sender = await senderOf(db, row);
    if (!sender) {
      await release({ status: 'active', claimedAt: null });
      log.warn('link sender may no longer send links; refused');
      throw new AppError('forbidden', CONTACT_MERCHANT);
    }
    // The customer's card as the page sent it (consent is no issuance field), and the agent's fields from the link.
    const { consent, ...typed } = card;
    // The card first: the link's own fields come after it, so nothing the page sends can set them.
    const input = issueBillingKeySchema.parse({
      ...typed,
      customer_uid: row.customerUid,
      pg: row.pg,
      channel_key: row.channelKey ?? undefined,
      ...customerFieldsOf(row),
      replace_confirmed: row.replaceConfirmed,
    });
    const issueContext: IssueContext = { actor: sender, ip: context.ip, link: { id: row.id } };
    try {
      const result = await issueBillingKey(input, issueContext, { runtime, db });
      await release({ status: 'used', usedAt: new Date() });
      log.info('link used');
      return { cardName: result.billingKey.cardName, cardNumberMasked: result.billingKey.cardNumberMasked };
    } catch (error) {
      throw await afterFailure(db, row, error, issueContext, log);
    }
  },
);

/** Settles the link after a submission that did not issue, and turns the error into the customer's words. */
async function afterFailure(
  db: Db,
  row: CardLinkRow,
  error: unknown,
  context: RequestContext,
  log: Pick<ReturnType<typeof getLogger>, 'info' | 'warn'>,
): Promise<unknown> {
  if (!(error instanceof AppError)) {
    await db.update(cardLinks).set({ status: 'active', claimedAt: null }).where(eq(cardLinks.id, row.id));
    return error;
  }
  if (error.code === 'card_rejected') {
    const [updated] = await db
      .update(cardLinks)
      .set({
        failedAttempts: sql`${cardLinks.failedAttempts} + 1`,
        status: sql`case when ${cardLinks.failedAttempts} + 1 >= ${MAX_FAILED_ATTEMPTS} then 'locked' else 'active' end`,
        lockedAt: sql`case when ${cardLinks.failedAttempts} + 1 >= ${MAX_FAILED_ATTEMPTS} then now() else null end`,
        claimedAt: null,
      })
      .where(eq(cardLinks.id, row.id))
      .returning();
    const left = MAX_FAILED_ATTEMPTS - (updated?.failedAttempts ?? MAX_FAILED_ATTEMPTS);
    if (left <= 0) {
      log.info('link locked after rejected cards');
      const failedAttempts = updated?.failedAttempts ?? null;
      await recordAuditOutcome(db, context, linkEvent('link.lock', 'failure', row, { failedAttempts }));
    }
    // The customer reads why in plain words where we know it (a reason they or their card company can
    // act on; a configuration problem is the merchant's), the card company's own words after it.
    const raw = error.details.iamportMessage;
    const explained = explainIamportMessage(raw);
    const plain =
      explained && (explained.who === 'customer' || explained.who === 'card_company') ? explained.cause : null;
    const reason = `${plain ? `: ${plain}` : ''}${raw ? ` (카드사 응답: ${raw})` : ''}`;
    return new AppError(
      'card_rejected',
      left > 0
        ? `카드가 등록되지 않았습니다${reason}. 카드 정보를 확인해 다시 입력하세요. 남은 시도: ${left}회.`
        : `카드가 등록되지 않았습니다${reason}. 실패가 ${MAX_FAILED_ATTEMPTS}회가 되어 이 링크는 잠겼습니다. 가맹점에 문의하세요.`,
      { pgCode: error.details.pgCode },
    );
  }
  if (error.code === 'outcome_unknown') {
    // The card may have been issued: the link stays taken until recovery settles the attempt.
    log.warn('link submission outcome unknown');
    return new AppError(
      'outcome_unknown',
      '카드 등록 결과를 아직 확인하지 못했습니다. 다시 입력하지 말고 가맹점 상담원에게 알려 주세요.',
    );
  }
  await db.update(cardLinks).set({ status: 'active', claimedAt: null }).where(eq(cardLinks.id, row.id));
  if (error.code === 'validation_failed') return error;
  if (
    error.code === 'database_unavailable' ||
    error.code === 'upstream_unavailable' ||
    error.code === 'channels_unavailable'
  ) {
    return new AppError(
      error.code,
      '지금은 카드를 등록할 수 없습니다. 잠시 후 다시 시도하세요. 카드 정보는 저장되지 않았습니다.',
    );
  }
  log.warn({ code: error.code }, 'link submission refused');
  return new AppError(error.code === 'issuance_in_progress' ? 'issuance_in_progress' : 'forbidden', CONTACT_MERCHANT);
}
