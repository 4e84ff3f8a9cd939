import { type Role } from '@/lib/validations/auth';

/**
 * Where the e2e servers listen; one place so specs and config agree. Each app has its own loopback
 * address: browsers keep cookies per host, not per port, so two apps on 127.0.0.1 would overwrite
 * each other's session cookie.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const E2E = {
  sandboxAppHost: '127.0.0.1',
  liveAppHost: '127.0.0.2',
  authAppHost: '127.0.0.3',
  /** Two instances sharing one PostgreSQL database (e2e/scale-out.spec.ts; only with TEST_DATABASE_URL). */
  scaleAHost: '127.0.0.4',
  scaleBHost: '127.0.0.5',
  sandboxAppPort: base,
  liveAppPort: base + 1,
  authAppPort: base + 2,
  scaleAPort: base + 3,
  scaleBPort: base + 4,
  sandboxPort: base + 910,
  get sandboxAppUrl() {
    return `http://${this.sandboxAppHost}:${this.sandboxAppPort}`;
  },
  get liveAppUrl() {
    return `http://${this.liveAppHost}:${this.liveAppPort}`;
  },
  get authAppUrl() {
    return `http://${this.authAppHost}:${this.authAppPort}`;
  },
  get scaleAUrl() {
    return `http://${this.scaleAHost}:${this.scaleAPort}`;
  },
  get scaleBUrl() {
    return `http://${this.scaleBHost}:${this.scaleBPort}`;
  },
  /** Where the first scale-out server leaves the URL of the database both share. */
  scaleDbUrlFile: 'test-results/db/scale-out.url',
  get sandboxUrl() {
    return `http://127.0.0.1:${this.sandboxPort}`;
  },
  /** The sandbox's default credentials (lib/iamport/sandbox), used by the live-mode app. */
  sandboxImpKey: 'imp_sandbox_key',
  sandboxImpSecret: 'imp_sandbox_secret',
  /** Test-only staff accounts the servers are seeded with (scripts/seed-e2e-staff.ts). */
  staffPassword: 'e2e staff password 1',
  staffEmail: (role: Role) => `e2e.${role}@example.test`,
  /** Signed-in browser state per role, cookies for both apps (written by e2e/auth.setup.ts). */
  storageState: (role: Role) => `test-results/.auth/${role}.json`,
  /** Live mode in production requires an explicit auth secret. */
  authSecret: 'e2e-only-better-auth-secret-0123456789abcdef',
  issueTimeoutMs: 3_000,
  sandboxSlowMs: 4_500,
  logDir: 'test-results/server-logs',
};
