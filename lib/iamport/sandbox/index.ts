import 'server-only';
import { createAdmin } from './admin';
import { DEFAULT_SANDBOX_CHANNELS } from './channels';
import type { SandboxContext } from './context';
import { createHandler } from './handler';
import { emptyStats } from './stats';
import { createMemoryStore } from './store';
import { TokenAuthority } from './tokens';
import type { Sandbox, SandboxOptions } from './types';

export { DEFAULT_CHANNEL_GROUP_ID, DEFAULT_SANDBOX_CHANNELS } from './channels';
export { loadSandboxChannels, SandboxChannelsError } from './channels-config';
export { SANDBOX_CARDS } from './magic';
export { pgRejection, sandboxMissingFieldCode, type PgReason } from './pg-rules';
export type {
  Sandbox,
  SandboxChannel,
  SandboxOptions,
  SandboxPayment,
  SandboxStore,
  SuperBillingKeyAnnotation,
} from './types';

/** Credentials the sandbox accepts by default. */
export const SANDBOX_IMP_KEY = 'imp_sandbox_key';
export const SANDBOX_IMP_SECRET = 'imp_sandbox_secret';

const DEFAULT_SLOW_MS = 35_000;

/** An in-process Iamport (docs/iamport.md §2–§4) with its own state. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? Date.now;
  const credentials = options.credentials ?? [{ impKey: SANDBOX_IMP_KEY, impSecret: SANDBOX_IMP_SECRET }];
  const ctx: SandboxContext = {
    store: options.store ?? createMemoryStore(),
    channels: structuredClone(options.channels ?? DEFAULT_SANDBOX_CHANNELS),
    tokens: new TokenAuthority(credentials, () => Math.floor(clock() / 1000)),
    clock,
    slowMs: options.slowMs ?? DEFAULT_SLOW_MS,
    latencyMs: options.latencyMs ?? 0,
    callsByUid: new Map(),
    notFoundStatus: options.notFoundStatus ?? 404,
    stats: emptyStats(),
    tokenExpiryTrips: new Map(),
    faults: new Map(),
    payments: new Map(),
  };
  const admin = createAdmin(ctx);
  return {
    fetch: createHandler(ctx, admin),
    setNotFoundStatus(status) {
      ctx.notFoundStatus = status;
    },
    stats: () => ({ ...ctx.stats }),
    resetStats() {
      ctx.stats = emptyStats();
    },
    admin,
  };
}
