import { z } from 'zod';
import { issueFields, requirePgFields } from './billing-key';

/**
 * The card-registration link's schemas (lib/links), built from the issuance fields so the customer's
 * page checks the card exactly as the agent's form does.
 */

/** Fields of the PG's required list the customer types; the others (buyer id, name) the agent fills in. */
export const CUSTOMER_CARD_FIELDS = ['birth', 'pwd_2digit', 'cvc'] as const;

/** The issuance fields the agent fills in for a link, in the issue form's order. */
const AGENT_LINK_FIELDS = [
  'customer_uid',
  'pg',
  'channel_key',
  'customer_id',
  'customer_name',
  'customer_tel',
  'customer_email',
  'replace_confirmed',
] as const;

/** `{ name: true }` for each name, as zod's `.pick` wants. */
function pickMask<Name extends string>(names: readonly Name[]): Record<Name, true> {
  return Object.fromEntries(names.map((name) => [name, true])) as Record<Name, true>;
}

export const LINK_DELIVERIES = ['email', 'webhook'] as const;
export type LinkDelivery = (typeof LINK_DELIVERIES)[number];

/** `POST /api/links`: what the agent fills in, as on the issue form, minus the card. */
export function buildCreateLinkSchema(now: () => Date = () => new Date()) {
  return z
    .object(issueFields(now))
    .pick(pickMask(AGENT_LINK_FIELDS))
    .superRefine((input, ctx) => requirePgFields(input, input.pg, ctx, ['customer_id', 'customer_name']));
}
export const createLinkSchema = buildCreateLinkSchema();
export type CreateLinkInput = z.input<typeof createLinkSchema>;

export const CONSENT_REQUIRED_MESSAGE = '카드 등록 약관에 동의해야 등록할 수 있습니다.';

/**
 * The card the customer types on the link's page, for the link's PG: the same field schemas and
 * per-PG rules as the agent's form.
 */
export function buildLinkCardSchema(pg: string | undefined, now: () => Date = () => new Date()) {
  return z
    .object(issueFields(now))
    .pick(pickMask(['card_number', 'expiry', ...CUSTOMER_CARD_FIELDS, 'idempotency_key']))
    .superRefine((input, ctx) => requirePgFields(input, pg, ctx, CUSTOMER_CARD_FIELDS));
}

/** The customer's submission: the card and the required consent. */
export function buildLinkSubmissionSchema(pg: string | undefined, now: () => Date = () => new Date()) {
  return z.object({ consent: z.literal(true, { error: CONSENT_REQUIRED_MESSAGE }) }).and(buildLinkCardSchema(pg, now));
}
export type LinkSubmissionInput = z.input<ReturnType<typeof buildLinkSubmissionSchema>>;

export const LINK_EXPIRY_MINUTES = { min: 5, max: 1440, default: 30 } as const;
export const LINK_TEXT_LIMITS = { merchantName: 60, purpose: 300, terms: 4000 } as const;

/** `PUT /api/settings/links`: what the customer's page says and how long a link lives. */
export const linkSettingsSchema = z
  .object({
    expiryMinutes: z.coerce
      .number({ error: '유효 시간은 분 단위 숫자입니다.' })
      .int('유효 시간은 분 단위 정수입니다.')
      .min(LINK_EXPIRY_MINUTES.min, `유효 시간은 ${LINK_EXPIRY_MINUTES.min}분 이상입니다.`)
      .max(LINK_EXPIRY_MINUTES.max, `유효 시간은 ${LINK_EXPIRY_MINUTES.max}분(24시간) 이하입니다.`),
    merchantName: z
      .string()
      .trim()
      .min(1, '가맹점 이름을 입력하세요.')
      .max(LINK_TEXT_LIMITS.merchantName, `가맹점 이름은 ${LINK_TEXT_LIMITS.merchantName}자 이하입니다.`),
    purpose: z
      .string()
      .trim()
      .min(1, '무엇을 등록하는지 적어 주세요.')
      .max(LINK_TEXT_LIMITS.purpose, `안내 문구는 ${LINK_TEXT_LIMITS.purpose}자 이하입니다.`),
    terms: z
      .string()
      .trim()
      .min(1, '고객이 동의할 약관을 입력하세요.')
      .max(LINK_TEXT_LIMITS.terms, `약관은 ${LINK_TEXT_LIMITS.terms}자 이하입니다.`),
  })
  .strict();
export type LinkSettingsInput = z.input<typeof linkSettingsSchema>;
export type LinkSettingsValues = z.output<typeof linkSettingsSchema>;

/** `POST /api/links/{id}/send`: the token the agent's screen holds (never stored) and the channel. */
export const sendLinkSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '링크 토큰이 올바르지 않습니다.'),
  channel: z.enum(LINK_DELIVERIES, { error: '보낼 방법은 email 또는 webhook입니다.' }),
});
export type SendLinkInput = z.input<typeof sendLinkSchema>;

export const LINK_STATUSES = ['active', 'issuing', 'used', 'revoked', 'locked', 'expired'] as const;
export const linksQuerySchema = z.object({
  status: z.enum(LINK_STATUSES, { error: '상태 값이 올바르지 않습니다.' }).optional().catch(undefined),
  customer_uid: z.string().trim().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50).catch(50),
});
export type LinksQuery = z.output<typeof linksQuerySchema>;
