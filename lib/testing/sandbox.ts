import 'server-only';
import type { CustomerAnnotation, IamportEnvelope, PgChannel } from '@/lib/iamport/types';
import type { SandboxChannel } from '@/lib/iamport/sandbox/types';
import { createMemoryStore } from '@/lib/iamport/sandbox/store';
import { createSandbox, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, type SandboxOptions } from '@/lib/iamport/sandbox';

export const BASE = 'https://api.iamport.kr';
/** 2026-01-15 12:00 KST. */
export const START_MS = Date.UTC(2026, 0, 15, 3, 0, 0);

export const CARDS = {
  kbCheck: '5272-8900-0000-0004',
  shinhan: '4518-4200-0000-0007',
  hanaNullType: '4619-5400-0000-0000',
  unknownBin: '4000-0001-0000-0001',
  expired: '4000-0002-0000-0000',
  declined: '4000-0003-0000-0009',
  noKeyIn: '4000-0004-0000-0008',
  passwordCheck: '4000-0005-0000-0007',
  slow: '4000-0006-0000-0006',
  http500: '4000-0007-0000-0005',
  htmlError: '4000-0008-0000-0004',
  truncated: '4000-0009-0000-0003',
  connectionDrop: '4000-0010-0000-0000',
  tokenExpiry: '4000-0011-0000-0009',
} as const;

interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  signal?: AbortSignal;
}

/** A sandbox on a fake clock with an inspectable store, plus small request helpers. */
export function setup(options: SandboxOptions = {}) {
  let now = START_MS;
  const store = createMemoryStore();
  const sandbox = createSandbox({ clock: () => now, store, ...options });

  async function call(method: string, path: string, opts: CallOptions = {}): Promise<Response> {
    const headers = new Headers(opts.headers);
    if (opts.token) headers.set('authorization', `Bearer ${opts.token}`);
    let body: string | undefined;
    if (opts.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(opts.form).toString();
    }
    return sandbox.fetch(new Request(BASE + path, { method, headers, body, signal: opts.signal }));
  }

  async function tokenResponse() {
    const res = await call('POST', '/users/getToken', {
      json: { imp_key: SANDBOX_IMP_KEY, imp_secret: SANDBOX_IMP_SECRET },
    });
    return (await res.json()) as IamportEnvelope<{ access_token: string; now: number; expired_at: number }>;
  }

  async function token(): Promise<string> {
    const envelope = await tokenResponse();
    if (!envelope.response) throw new Error(`getToken failed: ${envelope.message}`);
    return envelope.response.access_token;
  }

  /** An issuance with a fresh token, the Response as it came (for the scenarios that answer no JSON). */
  async function issueResponse(uid: string, body: Record<string, string>, headers?: Record<string, string>) {
    return call('POST', `/subscribe/customers/${encodeURIComponent(uid)}`, {
      token: await token(),
      json: body,
      headers,
    });
  }

  async function issue(uid: string, body: Record<string, string>, headers?: Record<string, string>) {
    const res = await issueResponse(uid, body, headers);
    return { status: res.status, body: (await res.json()) as IamportEnvelope<CustomerAnnotation> };
  }

  return {
    sandbox,
    store,
    call,
    token,
    tokenResponse,
    issue,
    issueResponse,
    advance(ms: number) {
      now += ms;
    },
    nowSeconds: () => Math.floor(now / 1000),
  };
}

export async function readJson<T = unknown>(res: Response): Promise<IamportEnvelope<T>> {
  return (await res.json()) as IamportEnvelope<T>;
}

/** A key as Iamport answers it for `customerUid`: a KB check card on nice's test channel, no customer fields. */
export function customerAnnotation(customerUid: string, extra: Partial<CustomerAnnotation> = {}): CustomerAnnotation {
  return {
    customer_uid: customerUid,
    pg_provider: 'nice',
    pg_id: 'nictest04m',
    card_name: '국민KB카드',
    card_code: '381',
    card_number: '52728927****2305',
    card_type: 1,
    customer_name: null,
    customer_tel: null,
    customer_email: null,
    customer_addr: null,
    customer_postcode: null,
    inserted: 1595843345,
    updated: 1595843345,
    ...extra,
  };
}

/** A channel as `GET /users/pg` answers it: the sandbox-only `channel_group_ids` left out. */
export function listedChannel(channel: SandboxChannel): PgChannel {
  const listed = { ...channel };
  delete listed.channel_group_ids;
  return listed;
}
