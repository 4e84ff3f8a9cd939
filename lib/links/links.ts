import 'server-only';
import { and, asc, desc, eq, gt, inArray, lte, type SQL } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import { linkEvent } from './audit';
import { can } from '@/lib/auth/permissions';
import { cachedChannels, HIDDEN_CHANNEL_MESSAGE, matchChannel, seesHiddenChannels } from '@/lib/billing-keys/channels';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { findCurrentKey } from '@/lib/billing-keys/guard';
import { storedToView } from '@/lib/billing-keys/mapping';
import type { Db } from '@/lib/db';
import { findStoredKey } from '@/lib/db/billing-keys';
import { authUsers, cardLinks, issueAttempts, type CardLinkRow } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getLogger } from '@/lib/log';
import type { CreatedLink, LinkDetail, LinkRequestContext, LinksPage, LinkView } from '@/lib/model/links';
import type { Actor, RequestContext } from '@/lib/model/staff';
import { signedIn } from '@/lib/request-context';
import type { IamportRuntime } from '@/lib/runtime';
import { getChannelSettings } from '@/lib/settings/channels';
import type { CreateLinkInput, LinksQuery } from '@/lib/validations/links';
import { getLinkSettings } from './settings';
import { hashLinkToken, linkPath, newLinkToken, tokenLogId } from './token';
import { inTransaction } from './transaction';
import { customerColumnsOf, toLinkAttemptView, toLinkView } from './views';

export const NO_PUBLIC_URL_MESSAGE =
  '공개 주소(PUBLIC_URL)가 설정되지 않아 실거래 모드에서는 링크를 만들 수 없습니다. 관리자에게 PUBLIC_URL 설정을 요청하세요.';
export const QA_LIVE_CHANNEL_MESSAGE =
  'QA 역할은 테스트 채널로만 링크를 보낼 수 있습니다. 실제 채널은 관리자나 상담원이 보내야 합니다.';

/** The origin the customer's link starts with: PUBLIC_URL, else the agent's own (never in live production). */
export function publicOrigin(requestOrigin: string, mode: 'sandbox' | 'live'): string {
  const env = getEnv();
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, '');
  if (mode === 'live' && env.NODE_ENV === 'production') throw new AppError('forbidden', NO_PUBLIC_URL_MESSAGE);
  return requestOrigin;
}

/** The channel the link will issue on, checked as an issuance is, before anything is sent. */
async function checkLinkChannel(input: CreateLinkInput, actor: Actor, runtime: IamportRuntime, db: Db) {
  const channels = await cachedChannels(runtime);
  const channel = matchChannel(channels, input);
  const field = input.channel_key ? 'channel_key' : 'pg';
  if (!channel) {
    throw new AppError('validation_failed', '선택한 채널을 찾을 수 없습니다.', {
      fields: {
        [field]: `이 가맹점에 "${input.channel_key ?? input.pg}" 키인(API) 채널이 없습니다. 채널 목록에서 고르세요.`,
      },
    });
  }
  if (!seesHiddenChannels(actor)) {
    const { hiddenChannelKeys } = await getChannelSettings(db);
    if (hiddenChannelKeys.includes(channel.channel_key)) {
      throw new AppError('validation_failed', HIDDEN_CHANNEL_MESSAGE, { fields: { [field]: HIDDEN_CHANNEL_MESSAGE } });
    }
  }
  if (!can(actor.role, 'links.send') && !channel.sandbox) throw new AppError('forbidden', QA_LIVE_CHANNEL_MESSAGE);
  return channel;
}

/**
 * Creates a one-time link for the customer to type the card on. The replacement guard runs now:
 * the customer is never asked whether to replace a key. Answers the URL with its token, this once.
 */
export const createLink = defineUseCase(
  async (
    input: CreateLinkInput,
    context: LinkRequestContext,
    { db, runtime, now = new Date() }: Resolved<{ now?: Date }>,
  ): Promise<CreatedLink> => {
    const actor = signedIn(context);
    const origin = publicOrigin(context.origin, runtime.mode);
    const channel = await checkLinkChannel(input, actor, runtime, db);
    const current = await findCurrentKey(input.customer_uid, { db, runtime });
    if (current && !input.replace_confirmed) {
      throw new AppError(
        'replacement_unconfirmed',
        '이 고객 결제수단 ID에는 이미 활성 빌링키가 있습니다. 링크로 교체하려면 기존 카드를 확인하고 교체에 동의하세요. 고객에게는 교체 여부를 묻지 않습니다.',
        { existing: current.billingKey },
      );
    }
    const settings = await getLinkSettings(db);
    const token = newLinkToken();
    const tokenHash = hashLinkToken(token);
    // The link and its audit event together: no link without its `link.create`.
    const row = await inTransaction(db, async (tx) => {
      const [inserted] = await tx
        .insert(cardLinks)
        .values({
          tokenHash,
          customerUid: input.customer_uid,
          pg: input.pg.trim(),
          channelKey: input.channel_key || channel.channel_key,
          testChannel: channel.sandbox,
          appMode: runtime.mode,
          replaceConfirmed: Boolean(current && input.replace_confirmed),
          ...customerColumnsOf(input),
          createdBy: actor.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() + settings.expiryMinutes * 60_000),
        })
        .returning();
      if (!inserted) throw new Error('link insert returned no row');
      await recordAudit(
        tx,
        context,
        linkEvent('link.create', 'success', inserted, {
          customerUid: inserted.customerUid,
          pg: inserted.pg,
          token: tokenLogId(tokenHash),
          expiresAt: inserted.expiresAt.toISOString(),
          replace: inserted.replaceConfirmed,
        }),
      );
      return inserted;
    });
    getLogger().info({ linkId: row.id, token: tokenLogId(tokenHash), customerUid: row.customerUid }, 'link created');
    return { link: toLinkView(row, actor.email, now), url: `${origin}${linkPath(token)}`, token };
  },
);

/** Admins and reviewers see every link; everyone else the ones they sent. */
const seesAllLinks = (actor: Actor) => can(actor.role, 'links.view');

async function visibleLink(db: Db, id: string, actor: Actor): Promise<CardLinkRow> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
  const [row] = uuid ? await db.select().from(cardLinks).where(eq(cardLinks.id, uuid)) : [];
  if (!row || (!seesAllLinks(actor) && row.createdBy !== actor.id)) {
    throw new AppError('not_found', '이 링크를 찾을 수 없습니다.');
  }
  return row;
}

async function emailOf(db: Db, userId: string): Promise<string | null> {
  const [user] = await db.select({ email: authUsers.email }).from(authUsers).where(eq(authUsers.id, userId));
  return user?.email ?? null;
}

/** A link with its customer's attempts and, once used, the masked key: the agent's live view. */
export const getLinkDetail = defineUseCase(
  async (id: string, context: RequestContext, { db }: Resolved): Promise<LinkDetail> => {
    const actor = signedIn(context);
    const row = await visibleLink(db, id, actor);
    const attempts = await db
      .select()
      .from(issueAttempts)
      .where(eq(issueAttempts.linkId, row.id))
      .orderBy(asc(issueAttempts.startedAt));
    const issuedAttempt = attempts.find((attempt) => attempt.outcome === 'issued');
    const stored = issuedAttempt ? await findStoredKey(db, row.customerUid) : undefined;
    let link = row;
    if (issuedAttempt && row.status === 'issuing') {
      // An outcome that was unknown and that recovery later found issued: the link is used.
      const [used] = await db
        .update(cardLinks)
        .set({ status: 'used', usedAt: issuedAttempt.finishedAt ?? new Date(), claimedAt: null })
        .where(and(eq(cardLinks.id, row.id), eq(cardLinks.status, 'issuing')))
        .returning();
      link = used ?? row;
    }
    return {
      link: toLinkView(link, await emailOf(db, row.createdBy)),
      attempts: attempts.map(toLinkAttemptView),
      billingKey: stored && stored.status === 'active' ? storedToView(stored) : null,
    };
  },
);

/** Newest first; admins and reviewers see all, others their own. */
export const listLinks = defineUseCase(
  async (query: LinksQuery, context: RequestContext, { db }: Resolved): Promise<LinksPage> => {
    const actor = signedIn(context);
    const now = new Date();
    const conditions: SQL[] = [];
    if (!seesAllLinks(actor)) conditions.push(eq(cardLinks.createdBy, actor.id));
    if (query.customer_uid) conditions.push(eq(cardLinks.customerUid, query.customer_uid));
    if (query.status === 'expired') {
      conditions.push(inArray(cardLinks.status, ['active', 'issuing']), lte(cardLinks.expiresAt, now));
    } else if (query.status === 'active' || query.status === 'issuing') {
      conditions.push(eq(cardLinks.status, query.status), gt(cardLinks.expiresAt, now));
    } else if (query.status) {
      conditions.push(eq(cardLinks.status, query.status));
    }
    const rows = await db
      .select({ link: cardLinks, email: authUsers.email })
      .from(cardLinks)
      .leftJoin(authUsers, eq(authUsers.id, cardLinks.createdBy))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(cardLinks.createdAt), desc(cardLinks.id))
      .limit(query.limit);
    return { links: rows.map((row) => toLinkView(row.link, row.email ?? null, now)) };
  },
);

/** Ends a link before its time. The sender may, and whoever sees all links and may send them (admins). */
export const revokeLink = defineUseCase(
  async (id: string, context: RequestContext, { db }: Resolved): Promise<LinkView> => {
    const actor = signedIn(context);
    const row = await visibleLink(db, id, actor);
    const mayRevoke = row.createdBy === actor.id || (seesAllLinks(actor) && can(actor.role, 'links.send'));
    if (!mayRevoke) throw new AppError('forbidden', '링크를 보낸 직원이나 관리자만 링크를 폐기할 수 있습니다.');
    const now = new Date();
    const revoked = await inTransaction(db, async (tx) => {
      const [updated] = await tx
        .update(cardLinks)
        .set({ status: 'revoked', revokedAt: now, revokedBy: actor.id })
        .where(and(eq(cardLinks.id, row.id), eq(cardLinks.status, 'active')))
        .returning();
      if (!updated) {
        const message =
          row.status === 'issuing'
            ? '고객의 등록 요청이 지금 처리 중이라 폐기할 수 없습니다. 잠시 후 결과를 확인하세요.'
            : '이미 끝난 링크입니다 (사용됨, 폐기됨 또는 잠김).';
        throw new AppError('issuance_in_progress', message);
      }
      await recordAudit(tx, context, linkEvent('link.revoke', 'success', row, { customerUid: row.customerUid }));
      return updated;
    });
    getLogger().info({ linkId: row.id, token: tokenLogId(row.tokenHash) }, 'link revoked');
    return toLinkView(revoked, await emailOf(db, revoked.createdBy), now);
  },
);
