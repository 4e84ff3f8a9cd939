/** What the app's API returns about a billing key: masked data only. Shared with the browser. */
export interface BillingKeyView {
  customerUid: string;
  pgProvider: string;
  pgId: string;
  sandbox: boolean | null;
  cardName: string | null;
  cardCode: string | null;
  /** Masked by the PG, as Iamport returned it. */
  cardNumberMasked: string | null;
  cardType: 'credit' | 'check' | 'unknown';
  customerId: string | null;
  customerName: string | null;
  customerTel: string | null;
  customerEmail: string | null;
  customerAddr: string | null;
  customerPostcode: string | null;
  /** ISO 8601. */
  insertedAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

export interface IssueResult {
  billingKey: BillingKeyView;
  /** `inserted` ≠ `updated`: an existing customer_uid got a new card. */
  replaced: boolean;
  mode: 'sandbox' | 'live';
}

export interface ChannelView {
  pgProvider: string;
  pgId: string;
  sandbox: boolean;
  type: string;
  channelName: string;
  channelKey: string;
  /** `pg` parameter that selects this channel: `provider.MID`. */
  pg: string;
  keyIn: boolean;
}
