import 'server-only';
import { getDb } from '@/lib/db';
import { createDbSandboxStore } from '@/lib/db/sandbox-store';
import { getEnv, isSandboxMode } from '@/lib/env';
import { IamportClient } from './client';
import { createSandbox, loadSandboxChannels, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, type Sandbox } from './sandbox';

/** Host name the in-process sandbox answers under; never resolved, requests go to `sandbox.fetch`. */
const IN_PROCESS_SANDBOX_URL = 'http://sandbox.iamport.invalid';

interface IamportRuntime {
  client: IamportClient;
  mode: 'sandbox' | 'live';
  /** Present in sandbox mode only. */
  sandbox?: Sandbox;
}

const globalForIamport = globalThis as unknown as { __billingKeyIamport?: IamportRuntime };

function createRuntime(): IamportRuntime {
  const env = getEnv();
  const timeouts = { issueTimeoutMs: env.IAMPORT_ISSUE_TIMEOUT_MS, readTimeoutMs: env.IAMPORT_READ_TIMEOUT_MS };
  if (isSandboxMode(env)) {
    const sandbox = createSandbox({
      notFoundStatus: env.SANDBOX_NOT_FOUND_STATUS,
      slowMs: env.SANDBOX_SLOW_MS,
      latencyMs: env.SANDBOX_LATENCY_MS,
      store: createDbSandboxStore(getDb),
      channels: loadSandboxChannels(env),
    });
    const client = new IamportClient({
      baseUrl: IN_PROCESS_SANDBOX_URL,
      impKey: SANDBOX_IMP_KEY,
      impSecret: SANDBOX_IMP_SECRET,
      fetch: (request) => sandbox.fetch(request),
      ...timeouts,
    });
    return { client, mode: 'sandbox', sandbox };
  }
  const client = new IamportClient({
    baseUrl: env.IAMPORT_API_URL,
    impKey: env.IMP_KEY ?? '',
    impSecret: env.IMP_SECRET ?? '',
    tier: env.IAMPORT_TIER,
    ...timeouts,
  });
  return { client, mode: 'live' };
}

/** One client (and token cache) per process, kept on globalThis so dev reloads don't duplicate it. */
export function getIamport(): IamportRuntime {
  globalForIamport.__billingKeyIamport ??= createRuntime();
  return globalForIamport.__billingKeyIamport;
}

export type { IamportRuntime };
export * from './errors';
export type * from './types';
