import 'server-only';

/** Iamport's response envelope: every body, whatever the HTTP status (docs/iamport.md §1). */
export interface IamportEnvelope<T> {
  code: number;
  message: string | null;
  response: T | null;
}

/** A billing key as Iamport returns it (docs/iamport.md §3). Unknown extra fields may be present. */
export interface CustomerAnnotation {
  customer_uid: string;
  pg_provider: string;
  pg_id: string;
  sandbox?: boolean;
  customer_id?: string | null;
  card_name: string | null;
  card_code: string | null;
  card_issuer_code?: string | null;
  card_issuer_name?: string | null;
  card_publisher_code?: string | null;
  card_publisher_name?: string | null;
  /** Masked by the PG; never parse it. */
  card_number: string | null;
  /** 0 credit, 1 check, null unknown. */
  card_type: number | null;
  customer_name: string | null;
  customer_tel: string | null;
  customer_email: string | null;
  customer_addr: string | null;
  customer_postcode: string | null;
  /** Unix seconds. */
  inserted: number;
  /** Unix seconds. */
  updated: number;
  [extra: string]: unknown;
}

/** Body of `POST /subscribe/customers/{customer_uid}`; all strings, as the API takes them. */
export interface IssueBillingKeyBody {
  card_number: string;
  expiry: string;
  birth?: string;
  pwd_2digit?: string;
  cvc?: string;
  pg?: string;
  channel_key?: string;
  customer_id?: string;
  customer_name?: string;
  customer_tel?: string;
  customer_email?: string;
  customer_addr?: string;
  customer_postcode?: string;
}

export type ChannelType = 'payment' | 'api_payment' | 'certification' | (string & {});

/** One entry of `GET /users/pg`. */
export interface PgChannel {
  pg_provider: string;
  pg_id: string;
  sandbox: boolean;
  type: ChannelType;
  channel_name: string;
  channel_key: string;
}

export interface PaymentsPage {
  total: number;
  previous: number;
  next: number;
  list: unknown[];
}

/** Result of the multi-get: Iamport answers 207 with only the found ones, so the client diffs. */
export interface MultiGetResult {
  found: CustomerAnnotation[];
  missing: string[];
}
