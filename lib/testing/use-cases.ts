import 'server-only';
import type { RequestContext } from '@/lib/model/staff';
import type { Db } from '@/lib/db';
import type { DbHandle } from '@/lib/db/client';
import type { IamportRuntime } from '@/lib/runtime';
import { IamportClient } from '@/lib/iamport/client';
import { createSandbox, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, type Sandbox } from '@/lib/iamport/sandbox';
import type { IssueBillingKeyInput } from '@/lib/validations/billing-key';
import { issueBillingKey } from '@/lib/billing-keys/issue';
import { suiteDatabase, type SuiteDatabaseOptions, type TestEngine } from '@/lib/testing/db';

/** Test support for the use cases: an in-process sandbox behind a real client, and a seeding helper. */
export interface TestRuntime extends IamportRuntime {
  sandbox: Sandbox;
  /** Method and URL (path + query) of every request the client sent. */
  requests: string[];
}

export const reviewer: RequestContext = {
  actor: { id: 'reviewer-1', email: 'reviewer@example.com', role: 'reviewer' },
  ip: '127.0.0.1',
};

export function sandboxRuntime(sandbox: Sandbox = createSandbox()): TestRuntime {
  const requests: string[] = [];
  const client = new IamportClient({
    baseUrl: 'http://sandbox.test',
    impKey: SANDBOX_IMP_KEY,
    impSecret: SANDBOX_IMP_SECRET,
    fetch: (request) => {
      const url = new URL(request.url);
      requests.push(`${request.method} ${url.pathname}${url.search}`);
      return sandbox.fetch(request);
    },
    retryDelayMs: 0,
  });
  return { client, mode: 'sandbox', sandbox, requests };
}

export interface UseCaseSuite {
  /** The suite's database, as `suiteDatabase` opens it. */
  handle: DbHandle;
  /** The sandbox runtime made with each open of the database; read it only inside hooks and tests. */
  runtime: TestRuntime;
  /** What a use case takes in this suite: its database and runtime. */
  deps: () => { db: Db; runtime: TestRuntime };
}

/**
 * The database of a `describe.each(testEngines())` suite of use cases, with a fresh sandbox runtime made
 * each time it opens (before `options.seed` runs), so no suite sees another's keys at the sandbox.
 */
export function useCaseSuite(engine: TestEngine, options: SuiteDatabaseOptions = {}): UseCaseSuite {
  let current: TestRuntime | undefined;
  const handle = suiteDatabase(engine, {
    ...options,
    seed: async (opened) => {
      current = sandboxRuntime();
      await options.seed?.(opened);
    },
  });
  const opened = () => {
    if (!current) throw new Error('The suite runtime is not made yet (use it inside hooks and tests).');
    return current;
  };
  const runtime: TestRuntime = {
    get client() {
      return opened().client;
    },
    get mode() {
      return opened().mode;
    },
    get sandbox() {
      return opened().sandbox;
    },
    get requests() {
      return opened().requests;
    },
  };
  return { handle, runtime, deps: () => ({ db: handle.db, runtime }) };
}

let sequence = 0;
export const uniqueUid = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${sequence++}`;

/** Issues through the app's own use case, so the key, attempt and audit are recorded as in production. */
export async function issueKey(
  db: Db,
  runtime: IamportRuntime,
  customerUid: string,
  card = '5272-8900-0000-0004',
  extra: Partial<IssueBillingKeyInput> = {},
) {
  return issueBillingKey(
    { customer_uid: customerUid, pg: 'nice.nictest04m', card_number: card, expiry: '2030-12', ...extra },
    reviewer,
    { runtime, db },
  );
}
