import 'server-only';
import { getEnv } from '@/lib/env';
import type { IamportRuntime } from '@/lib/iamport';
import { IamportClient } from '@/lib/iamport/client';
import { SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from '@/lib/iamport/sandbox';

/** Never resolved: the in-process sandbox answers every request itself. */
const IN_PROCESS_SANDBOX_URL = 'http://sandbox.iamport.invalid';

/**
 * A client like the app's, but with the run's own issuance timeout, so a run's slow cells end in
 * seconds instead of the 30 s an agent's issuance may take.
 */
export function createQaClient(runtime: IamportRuntime, issueTimeoutMs: number): IamportClient {
  const env = getEnv();
  const timeouts = { issueTimeoutMs, readTimeoutMs: env.IAMPORT_READ_TIMEOUT_MS };
  const sandbox = runtime.sandbox;
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
