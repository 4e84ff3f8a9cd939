import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/ports';

/**
 * Debian's Chromium by default (Playwright cannot download its own browser here); CHROMIUM_PATH
 * overrides it, and where neither exists Playwright's own installed browser is used.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const LOG_DIR = 'test-results/server-logs';
/** Sends everything the shell runs from here on (seeding, then the server it execs) to one log file. */
const logged = (name: string, command: string) =>
  `mkdir -p ${LOG_DIR} && exec > ${LOG_DIR}/${name}.log 2>&1 && ${command}`;

/**
 * Each app server starts on an empty database of its own: a fresh PGlite folder, or, for the
 * live-mode app when TEST_DATABASE_URL is set, a fresh PostgreSQL database (PostgreSQL mode e2e).
 */
const DB_DIR = 'test-results/db';
const onFreshDatabase = (name: string, command: string, postgres = false) =>
  postgres && process.env.TEST_DATABASE_URL
    ? `DATABASE_URL="$(node scripts/fresh-test-db.mjs ${name.replace(/-/g, '_')})" && export DATABASE_URL && ${logged(name, command)}`
    : `rm -rf ${DB_DIR}/${name} && mkdir -p ${DB_DIR} && DATA_DIR=${DB_DIR}/${name} && export DATA_DIR && ${logged(name, command)}`;

/** Seeds one account per role before the server takes the database (the folder lock forbids after). */
const withStaff = (command: string) =>
  `node --conditions=react-server --import tsx scripts/seed-e2e-staff.ts '${E2E.staffPassword}' && ${command}`;

/**
 * Scale-out (e2e/scale-out.spec.ts): two live-mode instances on one fresh PostgreSQL database, only
 * when TEST_DATABASE_URL is set. Servers start one after the other: the first creates the database,
 * leaves its URL in a file and seeds the staff; the second reads the URL.
 */
const scaleOut = (instance: 'a' | 'b') => {
  const [host, port] = instance === 'a' ? [E2E.scaleAHost, E2E.scaleAPort] : [E2E.scaleBHost, E2E.scaleBPort];
  const database =
    instance === 'a'
      ? `mkdir -p ${DB_DIR} && node scripts/fresh-test-db.mjs scale_out > ${E2E.scaleDbUrlFile} && DATABASE_URL="$(cat ${E2E.scaleDbUrlFile})" && export DATABASE_URL && ${withStaff('true')}`
      : `DATABASE_URL="$(cat ${E2E.scaleDbUrlFile})" && export DATABASE_URL`;
  return {
    name: `app (scale-out instance ${instance.toUpperCase()}, PostgreSQL shared)`,
    command: `${database} && ${logged(`app-scale-${instance}`, `exec npx next start -H ${host} -p ${port}`)}`,
    url: `http://${host}:${port}/api/health`,
    env: {
      ...common,
      DATABASE_URL: '',
      IMP_KEY: E2E.sandboxImpKey,
      IMP_SECRET: E2E.sandboxImpSecret,
      IAMPORT_API_URL: E2E.sandboxUrl,
    },
    reuseExistingServer: false,
    timeout: 120_000,
  };
};

const common = {
  NEXT_TELEMETRY_DISABLED: '1',
  BETTER_AUTH_SECRET: E2E.authSecret,
  NODE_ENV: 'production',
  DATABASE_URL: '',
  LOG_LEVEL: 'info',
  // Short enough that the "slow answer" card times out within a test.
  IAMPORT_ISSUE_TIMEOUT_MS: String(E2E.issueTimeoutMs),
  SANDBOX_SLOW_MS: String(E2E.sandboxSlowMs),
  // The tests play a proxy: each sends its own X-Forwarded-For, so sign-in limits per address stay apart.
  TRUSTED_PROXY_HOPS: '1',
};

export default defineConfig({
  testDir: 'e2e',
  // Playwright wipes its output folder at start; the JSON reports and server logs live beside it.
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]]
    : [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: E2E.sandboxAppUrl,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    // Card numbers are typed in these tests: no screenshots, traces or videos may keep them.
    screenshot: 'off',
    trace: 'off',
    video: 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // Signs in once per role on both apps and saves the cookies (e2e/auth.setup.ts).
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    {
      name: 'chromium',
      testIgnore: /auth\.setup\.ts$/,
      dependencies: ['setup'],
      // Specs pick their role with test.use({ storageState: E2E.storageState(role) }); admin otherwise.
      use: { ...devices['Desktop Chrome'], storageState: E2E.storageState('admin') },
    },
  ],
  webServer: [
    {
      name: 'sandbox',
      command: logged('sandbox', 'exec npm run sandbox'),
      url: `${E2E.sandboxUrl}/__sandbox/stats`,
      env: { ...common, SANDBOX_PORT: String(E2E.sandboxPort) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      name: 'app (sandbox mode)',
      command: onFreshDatabase(
        'app-sandbox-mode',
        withStaff(`exec npx next start -H ${E2E.sandboxAppHost} -p ${E2E.sandboxAppPort}`),
      ),
      url: `${E2E.sandboxAppUrl}/api/health`,
      env: { ...common, IMP_KEY: '', IMP_SECRET: '' },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      name: 'app (live mode against the sandbox over HTTP)',
      command: onFreshDatabase(
        'app-live-mode',
        withStaff(`exec npx next start -H ${E2E.liveAppHost} -p ${E2E.liveAppPort}`),
        true,
      ),
      url: `${E2E.liveAppUrl}/api/health`,
      env: {
        ...common,
        IMP_KEY: E2E.sandboxImpKey,
        IMP_SECRET: E2E.sandboxImpSecret,
        IAMPORT_API_URL: E2E.sandboxUrl,
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // Staff accounts and sessions (e2e/auth.spec.ts): its own empty database, so /setup can run.
      name: 'app (auth, first start)',
      command: onFreshDatabase('app-auth', `exec npx next start -H ${E2E.authAppHost} -p ${E2E.authAppPort}`),
      url: `${E2E.authAppUrl}/api/health`,
      env: { ...common, IMP_KEY: '', IMP_SECRET: '' },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    ...(process.env.TEST_DATABASE_URL ? [scaleOut('a'), scaleOut('b')] : []),
  ],
});
