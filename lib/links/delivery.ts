import 'server-only';
import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { recordAuditOutcome } from '@/lib/audit';
import { linkEvent } from './audit';
import { authUsers, cardLinks, type CardLinkDelivery } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { formatKst } from '@/lib/format';
import { getLogger } from '@/lib/log';
import type { LinkRequestContext, LinkView } from '@/lib/model/links';
import { signedIn } from '@/lib/request-context';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import type { LinkDelivery } from '@/lib/validations/links';
import { can } from '@/lib/auth/permissions';
import { publicOrigin } from './links';
import { getLinkSettings } from './settings';
import { hashLinkToken, linkPath, tokenLogId } from './token';
import { linkStatus, toLinkView } from './views';

/** Which deliveries the environment configures. */
export function deliveryOptions(): { email: boolean; webhook: boolean } {
  const env = getEnv();
  return { email: Boolean(env.SMTP_URL), webhook: Boolean(env.LINK_WEBHOOK_URL && env.LINK_WEBHOOK_SECRET) };
}

export interface LinkMessage {
  url: string;
  merchantName: string;
  customerName: string | null;
  expiresAt: Date;
}

/** Sends the link by email over SMTP_URL. */
export async function sendLinkEmail(to: string, message: LinkMessage, smtpUrl: string, from: string): Promise<void> {
  const transport = nodemailer.createTransport(smtpUrl);
  const until = formatKst(message.expiresAt.toISOString());
  const greeting = message.customerName ? `${message.customerName}님, ` : '';
  await transport.sendMail({
    from,
    to,
    subject: `[${message.merchantName}] 카드 등록 링크`,
    text: `${greeting}${message.merchantName}에서 보낸 카드 등록 링크입니다.\n\n${message.url}\n\n이 링크는 ${until}까지 한 번만 쓸 수 있습니다. 요청하지 않았다면 이 메일을 무시하세요.`,
  });
  transport.close();
}

/** `X-Signature: sha256=<hex>` over `<timestamp>.<body>`, so a receiver can check both. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookOptions {
  url: string;
  secret: string;
  /** Waits before the 2nd, 3rd, … try. */
  backoffMs?: readonly number[];
  timeoutMs?: number;
}

/**
 * POSTs the link to the merchant's messaging endpoint, signed; a failed try (network, 5xx, 429) is
 * retried with backoff. Resolves with the tries made; rejects with the last reason.
 */
export async function postLinkWebhook(payload: Record<string, unknown>, options: WebhookOptions): Promise<number> {
  const backoff = options.backoffMs ?? [1_000, 4_000];
  const body = JSON.stringify(payload);
  let lastError = '';
  let tries = 0;
  for (let attempt = 0; attempt <= backoff.length; attempt++) {
    tries = attempt + 1;
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, backoff[attempt - 1]));
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-timestamp': timestamp,
          'x-signature': webhookSignature(options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return attempt + 1;
      lastError = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) break;
    } catch (error) {
      lastError = error instanceof Error && error.name === 'TimeoutError' ? '응답 시간 초과' : '연결 실패';
    }
  }
  throw Object.assign(new Error(lastError), { tries });
}

/**
 * Sends a link the agent just created, by email or through the merchant's webhook. The token comes
 * from the agent's screen (the database has only its hash) and must match the link.
 */
export const sendLink = defineUseCase(
  async (
    id: string,
    input: { token: string; channel: LinkDelivery },
    context: LinkRequestContext,
    {
      db,
      runtime,
      email,
      webhook,
    }: Resolved<{
      /** Tests: their own receiver and SMTP server instead of the environment's. */
      webhook?: Partial<WebhookOptions>;
      email?: { url: string; from: string };
    }>,
  ): Promise<LinkView> => {
    const actor = signedIn(context);
    const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await db.select().from(cardLinks).where(eq(cardLinks.id, id)) : [];
    if (!row || row.tokenHash !== hashLinkToken(input.token))
      throw new AppError('not_found', '이 링크를 찾을 수 없습니다.');
    if (row.createdBy !== actor.id && !can(actor.role, 'links.view')) {
      throw new AppError('not_found', '이 링크를 찾을 수 없습니다.');
    }
    if (linkStatus(row) !== 'active') throw new AppError('validation_failed', '이미 끝난 링크는 보낼 수 없습니다.');
    const env = getEnv();
    const settings = await getLinkSettings(db);
    const message = (linkUrl: string): LinkMessage => ({
      url: linkUrl,
      merchantName: settings.merchantName,
      customerName: row.customerName,
      expiresAt: row.expiresAt,
    });
    const linkUrl = `${publicOrigin(context.origin, runtime.mode).replace(/\/+$/, '')}${linkPath(input.token)}`;
    let delivery: CardLinkDelivery;
    const at = new Date().toISOString();
    if (input.channel === 'email') {
      const smtp = email ?? (env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM } : null);
      if (!smtp) throw new AppError('validation_failed', '이메일 발송이 설정되지 않았습니다 (SMTP_URL).');
      if (!row.customerEmail) throw new AppError('validation_failed', '고객 이메일이 없어 이메일로 보낼 수 없습니다.');
      try {
        await sendLinkEmail(row.customerEmail, message(linkUrl), smtp.url, smtp.from);
        delivery = { channel: 'email', status: 'sent', at, tries: 1 };
      } catch (error) {
        getLogger().warn({ linkId: row.id, err: { message: (error as Error).message } }, 'link email failed');
        delivery = { channel: 'email', status: 'failed', at, tries: 1, error: '메일 서버가 받지 않았습니다.' };
      }
    } else {
      const webhookUrl = webhook?.url ?? env.LINK_WEBHOOK_URL;
      const secret = webhook?.secret ?? env.LINK_WEBHOOK_SECRET;
      if (!webhookUrl || !secret) throw new AppError('validation_failed', '메시지 발송(웹훅)이 설정되지 않았습니다.');
      if (!row.customerTel) throw new AppError('validation_failed', '고객 연락처가 없어 메시지로 보낼 수 없습니다.');
      const payload = {
        type: 'card_registration_link',
        template: env.LINK_WEBHOOK_TEMPLATE,
        phone: row.customerTel,
        link: linkUrl,
        customerName: row.customerName,
        merchantName: settings.merchantName,
        expiresAt: row.expiresAt.toISOString(),
        linkId: row.id,
      };
      try {
        const tries = await postLinkWebhook(payload, { ...webhook, url: webhookUrl, secret });
        delivery = { channel: 'webhook', status: 'sent', at, tries };
      } catch (error) {
        const reason = error instanceof Error ? error.message : '알 수 없는 오류';
        const tries = (error as { tries?: number }).tries ?? 1;
        delivery = { channel: 'webhook', status: 'failed', at, tries, error: `메시지 발송 실패: ${reason}` };
      }
    }
    const [updated] = await db
      .update(cardLinks)
      .set({ deliveries: sql`${cardLinks.deliveries} || ${JSON.stringify([delivery])}::jsonb` })
      .where(eq(cardLinks.id, row.id))
      .returning();
    getLogger().info(
      { linkId: row.id, token: tokenLogId(row.tokenHash), channel: delivery.channel, status: delivery.status },
      'link sent',
    );
    // The message has gone (or failed) already: its event is an outcome, never thrown over the answer.
    await recordAuditOutcome(
      db,
      context,
      linkEvent('link.send', delivery.status === 'sent' ? 'success' : 'failure', row, {
        channel: delivery.channel,
        tries: delivery.tries,
        error: delivery.error ?? null,
      }),
    );
    const [user] = await db.select({ email: authUsers.email }).from(authUsers).where(eq(authUsers.id, row.createdBy));
    return toLinkView(updated ?? row, user?.email ?? null);
  },
);
