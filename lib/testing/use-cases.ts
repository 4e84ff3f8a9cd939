import 'server-only';
import type { RequestContext } from '@/lib/model/staff';
import type { Db } from '@/lib/db';
import type { DbHandle } from '@/lib/db/client';
import type { IamportRuntime } from '@/lib/runtime';
import type { CustomerAnnotation } from '@/lib/iamport';
import { IamportClient } from '@/lib/iamport/client';
import { createSandbox, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, type Sandbox } from '@/lib/iamport/sandbox';
import type { SandboxFaultKind } from '@/lib/iamport/sandbox/types';
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

export interface UseCaseSuite {
  /** The suite's database, as `suiteDatabase` opens it. */
  handle: DbHandle;
  /** The sandbox runtime made with each open of the database; read it only inside hooks and tests. */
  runtime: TestRuntime;
  /** What a use case takes in this suite: its database and runtime. */
  deps: () => { db: Db; runtime: TestRuntime };
  /** Issues a key for a new uid (`prefix` and a unique tail) through the app's use case; answers the uid. */
  issueNewKey: (prefix: string) => Promise<string>;
  /** Issues a key for a new uid at Iamport only (straight through the client): the app stores nothing. */
  issueAtIamportOnly: (prefix: string) => Promise<string>;
  /** Changes the key Iamport holds for `uid` behind the app's back, by what `change` answers for it; answers the key as it was. */
  changeAtIamport: (
    uid: string,
    change: (live: CustomerAnnotation) => Partial<CustomerAnnotation>,
  ) => Promise<CustomerAnnotation>;
  /** Runs `run` while the sandbox answers every call for `uid` with `fault`, and clears the fault after. */
  whileFaulty: <T>(uid: string, fault: SandboxFaultKind, run: () => Promise<T>) => Promise<T>;
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
  return {
    handle,
    runtime,
    deps: () => ({ db: handle.db, runtime }),
    issueNewKey: async (prefix) => {
      const uid = uniqueUid(prefix);
      await issueKey(handle.db, runtime, uid);
      return uid;
    },
    issueAtIamportOnly: async (prefix) => {
      const uid = uniqueUid(prefix);
      await runtime.client.issueBillingKey(uid, {
        card_number: '4518-4200-0000-0007',
        expiry: '2030-12',
        pg: 'nice.nictest04m',
      });
      return uid;
    },
    changeAtIamport: async (uid, change) => {
      const live = await opened().sandbox.admin.getKey(uid);
      if (!live) throw new Error(`Iamport holds no key for ${uid}`);
      await opened().sandbox.admin.putKey({ ...live, ...change(live) });
      return live;
    },
    whileFaulty: async (uid, fault, run) => {
      opened().sandbox.admin.setFault(uid, fault);
      try {
        return await run();
      } finally {
        opened().sandbox.admin.clearFault(uid);
      }
    },
  };
}
