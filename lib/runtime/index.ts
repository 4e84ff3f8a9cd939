import 'server-only';
import { getDb } from '@/lib/db';
import { getEnv, isSandboxMode, type Env } from '@/lib/env';
import { IamportClient } from '@/lib/iamport/client';
import {
  createSandbox,
  loadSandboxChannels,
  SANDBOX_IMP_KEY,
  SANDBOX_IMP_SECRET,
  type Sandbox,
} from '@/lib/iamport/sandbox';
import { createDbSandboxStore } from './sandbox-store';

/**
 * The one place that wires the app together (docs/architecture.md): the Iamport client, in sandbox
 * mode the in-process sandbox whose state lives in the app's database, and the database itself.
 * Use cases take what they need from here; `lib/iamport` and `lib/db` know nothing of each other.
 */

/** Host name the in-process sandbox answers under; never resolved, requests go to `sandbox.fetch`. */
const IN_PROCESS_SANDBOX_URL = 'http://sandbox.iamport.invalid';

export interface IamportRuntime {
  client: IamportClient;
  mode: 'sandbox' | 'live';
  /** Present in sandbox mode only. */
  sandbox?: Sandbox;
}

/** A client for the configured Iamport (or the given in-process sandbox), with these timeouts. */
function buildClient(env: Env, sandbox: Sandbox | undefined, issueTimeoutMs: number): IamportClient {
  const timeouts = { issueTimeoutMs, readTimeoutMs: env.IAMPORT_READ_TIMEOUT_MS };
  if (sandbox) {
    return new IamportClient({
      baseUrl: IN_PROCESS_SANDBOX_URL,
      impKey: SANDBOX_IMP_KEY,
      impSecret: SANDBOX_IMP_SECRET,
      fetch: (request) => sandbox.fetch(request),
      ...timeouts,
    });
  }
  return new IamportClient({
    baseUrl: env.IAMPORT_API_URL,
    impKey: env.IMP_KEY ?? '',
    impSecret: env.IMP_SECRET ?? '',
    tier: env.IAMPORT_TIER,
    ...timeouts,
  });
}

function createRuntime(): IamportRuntime {
  const env = getEnv();
  if (!isSandboxMode(env)) {
    return { client: buildClient(env, undefined, env.IAMPORT_ISSUE_TIMEOUT_MS), mode: 'live' };
  }
  const sandbox = createSandbox({
    notFoundStatus: env.SANDBOX_NOT_FOUND_STATUS,
    slowMs: env.SANDBOX_SLOW_MS,
    latencyMs: env.SANDBOX_LATENCY_MS,
    store: createDbSandboxStore(getDb),
    channels: loadSandboxChannels(env),
  });
  return { client: buildClient(env, sandbox, env.IAMPORT_ISSUE_TIMEOUT_MS), mode: 'sandbox', sandbox };
}

const globalForRuntime = globalThis as unknown as { __billingKeyIamport?: IamportRuntime };

/** One client (and token cache) per process, kept on globalThis so dev reloads don't duplicate it. */
export function getIamport(): IamportRuntime {
  globalForRuntime.__billingKeyIamport ??= createRuntime();
  return globalForRuntime.__billingKeyIamport;
}

/**
 * A client like the runtime's, talking to the same Iamport (or the same in-process sandbox), with its
 * own issuance timeout: the QA runner's slow cells end in seconds, not in an agent's 30 s.
 */
export function createClientWithIssueTimeout(runtime: IamportRuntime, issueTimeoutMs: number): IamportClient {
  return buildClient(getEnv(), runtime.sandbox, issueTimeoutMs);
}
