import type { RequestContext } from './staff';
import type { BillingKeyView } from './billing-keys';

/** A link as the staff see it; `expired` is computed from the expiry time. */
/** Who asks, and the origin their browser used: a link's URL is built on it when PUBLIC_URL is unset. */
export interface LinkRequestContext extends RequestContext {
  origin: string;
}

export type LinkStatusView = 'active' | 'issuing' | 'used' | 'revoked' | 'locked' | 'expired';

export interface LinkDeliveryView {
  channel: 'email' | 'webhook';
  status: 'sent' | 'failed';
  at: string;
  tries: number;
  error?: string;
}

export interface LinkView {
  id: string;
  status: LinkStatusView;
  customerUid: string;
  pg: string;
  channelKey: string | null;
  testChannel: boolean;
  appMode: 'sandbox' | 'live';
  replaceConfirmed: boolean;
  customerName: string | null;
  customerTel: string | null;
  customerEmail: string | null;
  createdBy: string;
  createdByEmail: string | null;
  createdAt: string;
  expiresAt: string;
  openedAt: string | null;
  usedAt: string | null;
  revokedAt: string | null;
  lockedAt: string | null;
  failedAttempts: number;
  deliveries: LinkDeliveryView[];
}

/** One attempt the customer made through the link, with what the agent can read out. */
export interface LinkAttemptView {
  id: string;
  outcome: 'pending' | 'issued' | 'rejected' | 'unknown' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  errorMessage: string | null;
  iamportMessage: string | null;
  pgCode: string | null;
}

export interface LinkDetail {
  link: LinkView;
  attempts: LinkAttemptView[];
  /** The key the customer registered, masked, once the link is used. */
  billingKey: BillingKeyView | null;
}

/** What `POST /api/links` answers: the URL with its token, shown this once. */
export interface CreatedLink {
  link: LinkView;
  url: string;
  token: string;
  /** Which deliveries the environment configures (copy and QR always work). */
  delivery?: { email: boolean; webhook: boolean };
}

export interface LinksPage {
  links: LinkView[];
}

/** What the customer's page may know of a link. Unknown and expired tokens look the same. */
export type PublicLinkView =
  | {
      state: 'open';
      merchantName: string;
      purpose: string;
      terms: string;
      pg: string;
      providerName: string;
      testChannel: boolean;
      expiresAt: string;
    }
  | { state: 'expired' | 'used' | 'revoked' | 'locked'; merchantName: string };

/** The customer's successful registration: the masked card only. */
export interface LinkRegistered {
  cardName: string | null;
  cardNumberMasked: string | null;
}

export interface LinkSettingsView {
  expiryMinutes: number;
  merchantName: string;
  purpose: string;
  terms: string;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Which deliveries the environment configures (SMTP, webhook). */
  email: boolean;
  webhook: boolean;
  publicUrl: string | null;
}
