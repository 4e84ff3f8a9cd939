/**
 * `npm run sandbox`: serves the Iamport sandbox over HTTP on SANDBOX_HOST:SANDBOX_PORT, state in memory,
 * channels from SANDBOX_CHANNELS_FILE / SANDBOX_CHANNELS (default: DEFAULT_SANDBOX_CHANNELS).
 * Run with `node --conditions=react-server --import tsx` so `server-only` resolves to its server build.
 */
import { getEnv } from '../lib/env';
import { createSandbox, loadSandboxChannels } from '../lib/iamport/sandbox';
import { serveSandbox } from '../lib/iamport/sandbox/server';

async function main(): Promise<void> {
  const env = getEnv();
  const sandbox = createSandbox({
    notFoundStatus: env.SANDBOX_NOT_FOUND_STATUS,
    slowMs: env.SANDBOX_SLOW_MS,
    latencyMs: env.SANDBOX_LATENCY_MS,
    channels: loadSandboxChannels(env),
  });
  const served = await serveSandbox(sandbox, { host: env.SANDBOX_HOST, port: env.SANDBOX_PORT });
  console.log(`Iamport sandbox listening on ${served.url}`);

  const shutdown = () => {
    served.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
