/**
 * Runs once when a server instance starts: validates the environment (a bad variable stops the
 * server with its name), stamps every incoming request with its TCP peer (lib/request-context: the
 * client address), then starts the instance's recovery loop, which settles issuance attempts left
 * open by a crash or a lost answer (docs/reliability.md).
 */
export async function register() {
  const { getEnv } = await import('./lib/env');
  getEnv();
  // Only in the Node.js server, and not while `next build` renders pages.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { installPeerAddressStamp } = await import('./lib/request-context');
  await installPeerAddressStamp();
  const [{ getDbHandle }, { getIamport }, { startProcessRecovery }] = await Promise.all([
    import('./lib/db'),
    import('./lib/runtime'),
    import('./lib/billing-keys/recovery-loop'),
  ]);
  startProcessRecovery(async () => ({ handle: await getDbHandle(), runtime: getIamport() }));
}
