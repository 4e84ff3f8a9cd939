/**
 * `npm run bench:keys`: how fast the billing-key list and CSV export are on 100,000 keys.
 *
 * For each engine (PGlite in a temp DATA_DIR; PostgreSQL in a fresh database when TEST_DATABASE_URL
 * or --pg URL is given) it seeds 100,000 keys and 300,000 attempts in a child process, starts the
 * built app (`next start`) on that store, and measures over HTTP: p50/p95/max of the list API for
 * each filter, search and sort, then the CSV export of every key with the server's RSS sampled
 * every 50 ms, signed in as a reviewer account it creates in the seeded store. Prints figures; it
 * is not a pass/fail test (targets are shown beside them).
 *   node --conditions=react-server --import tsx scripts/bench-keys.ts [--pg URL] [--requests 50] [--exports 2] [--keys N] [--attempts N] [--skip-pglite] [--no-analyze]
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getEnv } from '../lib/env';
import { createScratchDatabase } from '../lib/db/scratch-database';
import { freePort } from '../lib/free-port';
import { mb, percentile, ROOT, run, serverNodeArgs, treeRssKb, waitForExit } from './bench-lib';

const TARGET = { listP95Ms: 50, exportMs: 5000, rssGrowthMb: 50 };

/** What each scenario asks the list API; values exist in the seeded data (scripts/seed-keys.ts). */
const SCENARIOS: [string, string][] = [
  ['default page (newest 50)', ''],
  ['filter pg=nice', 'pg=nice'],
  ['filter pg+mid kcp.IP0XC', 'pg=kcp&mid=IP0XC'],
  ['filter mid only', 'mid=tosstest'],
  ['filter card company 366', 'card=366'],
  ['filter card_type=credit', 'card_type=credit'],
  ['filter card_type=check', 'card_type=check'],
  ['filter card_type=unknown', 'card_type=unknown'],
  ['filter env=test', 'env=test'],
  ['filter env=live', 'env=live'],
  ['filter status=active', 'status=active'],
  ['filter status=deleted', 'status=deleted'],
  ['filter date range (1 month)', 'from=2026-03-01&to=2026-03-31'],
  ['filter date from (1 week)', 'from=2026-10-25'],
  ['filter issuer', 'issued_by=staff-07'],
  ['filters combined', 'pg=nice&card_type=credit&env=live&status=active&from=2025-06-01'],
  ['search customer_uid', 'q=cust_01234'],
  ['search name (3 chars)', `q=${encodeURIComponent('김민준')}`],
  ['search name (2 chars)', `q=${encodeURIComponent('서연')}`],
  ['search phone with dashes', 'q=1234-5678'],
  ['search phone digits only', 'q=01012345678'],
  ['search email', 'q=minjun.kim1'],
  ['search last 4 digits', 'q=4242'],
  ['search no match', 'q=zzqqxx-none'],
  ['search + filter', `q=${encodeURIComponent('김')}&pg=kcp&status=active`],
  ['sort updated_at desc', 'sort=updated_at'],
  ['sort customer_uid asc', 'sort=customer_uid&order=asc'],
  ['sort customer_name asc', 'sort=customer_name&order=asc'],
  ['sort card_name desc', 'sort=card_name&order=desc'],
  ['sort issued_at asc', 'order=asc'],
  ['page 200 of 50', 'page=200'],
  ['page size 200', 'page_size=200'],
];

/** The server-rendered page itself (list, count and filter choices); its "total" column is the HTML size. */
const PAGES: [string, string][] = [
  ['page /keys (HTML)', '/keys'],
  ['page /keys filtered (HTML)', `/keys?q=${encodeURIComponent('김민준')}&pg=nice&status=active`],
];

const ms = (value: number) => value.toFixed(1).padStart(7);

async function seed(target: string[], counts: { keys: number; attempts: number }, analyze: boolean) {
  const tsx = ['node', '--conditions=react-server', '--import', 'tsx', 'scripts/seed-keys.ts'];
  const flags = [
    '--keys',
    String(counts.keys),
    '--attempts',
    String(counts.attempts),
    ...(analyze ? [] : ['--no-analyze']),
  ];
  const code = await waitForExit(run([...tsx, ...target, ...flags], { LOG_LEVEL: 'warn' }));
  if (code !== 0) throw new Error(`seeding failed (exit ${code})`);
}

async function startApp(store: Record<string, string | null>) {
  const port = await freePort();
  const child = run(
    ['node', ...serverNodeArgs(), 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      ...store,
      IMP_KEY: null,
      IMP_SECRET: null,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    { quiet: true },
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the app exited during start-up');
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the app did not answer within 180 s');
    await new Promise((done) => setTimeout(done, 250));
  }
  return { base, child, pid: child.pid as number, cookie: await signIn(base) };
}

/** The bench's own reviewer account (keys.view), created in the seeded store before the app starts. */
const BENCH_ACCOUNT = {
  email: 'bench.reviewer@example.test',
  password: `${randomBytes(18).toString('base64url')}-Bench`,
  role: 'reviewer',
};

async function createBenchAccount(store: Record<string, string | null>) {
  const tsx = ['node', '--conditions=react-server', '--import', 'tsx', 'scripts/user-create.ts'];
  const flags = ['--email', BENCH_ACCOUNT.email, '--password', BENCH_ACCOUNT.password, '--role', BENCH_ACCOUNT.role];
  const code = await waitForExit(run([...tsx, ...flags], { ...store, LOG_LEVEL: 'warn' }, { quiet: true }));
  if (code !== 0) throw new Error(`creating the bench account failed (exit ${code})`);
}

/** Signs the bench account in; the session cookie goes with every measured request. */
async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Times `path` (the list API, or the /keys page when it starts with /keys). */
async function timeList(base: string, path: string, requests: number, cookie: string) {
  const init = { headers: { cookie } };
  const url = `${base}${path}`;
  let total = 0;
  for (let i = 0; i < 3; i++) await (await fetch(url, init)).text();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await fetch(url, init);
    const text = await response.text();
    times.push(performance.now() - started);
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
    total = path.startsWith('/api/') ? ((JSON.parse(text) as { total?: number }).total ?? 0) : text.length;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? NaN, total };
}

async function timeExport(base: string, pid: number, cookie: string) {
  await new Promise((done) => setTimeout(done, 1000));
  const before = treeRssKb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), 50);
  const started = performance.now();
  const response = await fetch(`${base}/api/exports/billing-keys`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  let firstByteMs = NaN;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 0x0a) lines++;
  }
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, treeRssKb(pid));
  await new Promise((done) => setTimeout(done, 1000));
  return { totalMs, firstByteMs, bytes, rows: lines - 1, before, peak, after: treeRssKb(pid) };
}

async function benchEngine(name: string, store: Record<string, string | null>, requests: number, exports: number) {
  console.log(`\n== ${name}: starting the app`);
  const app = await startApp(store);
  try {
    console.log(`   app pid ${app.pid} on ${app.base}; RSS ${mb(treeRssKb(app.pid))} MB`);
    console.log(
      `\n   ${'scenario'.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'total'.padStart(8)}  target p95 ≤ ${TARGET.listP95Ms} ms`,
    );
    const misses: string[] = [];
    const apiRows = SCENARIOS.map(([label, query]): [string, string, boolean] => [
      label,
      `/api/billing-keys${query ? `?${query}` : ''}`,
      true,
    ]);
    // The target is the list API's; the whole HTML page (list, count, facets, header) is shown beside it for reference.
    const pageRows = PAGES.map(([label, path]): [string, string, boolean] => [label, path, false]);
    for (const [label, path, judged] of [...apiRows, ...pageRows]) {
      const result = await timeList(app.base, path, requests, app.cookie);
      const ok = result.p95 <= TARGET.listP95Ms;
      if (judged && !ok) misses.push(label);
      const verdict = judged ? (ok ? 'ok' : 'MISSED') : '(page, for reference)';
      console.log(
        `   ${label.padEnd(34)} ${ms(result.p50)} ${ms(result.p95)} ${ms(result.max)} ${String(result.total).padStart(8)}  ${verdict}`,
      );
    }
    // The first export also grows PGlite's WASM heap once; later ones show whether memory keeps growing.
    for (let run = 1; run <= exports; run++) {
      const csv = await timeExport(app.base, app.pid, app.cookie);
      const growthMb = (csv.peak - csv.before) / 1024;
      console.log(
        `\n   CSV export #${run}: ${csv.rows} rows, ${(csv.bytes / 1024 / 1024).toFixed(1)} MB in ${(csv.totalMs / 1000).toFixed(2)} s (first byte ${csv.firstByteMs.toFixed(0)} ms)  target ≤ ${TARGET.exportMs / 1000} s: ${csv.totalMs <= TARGET.exportMs ? 'ok' : 'MISSED'}`,
      );
      console.log(
        `   server RSS: before ${mb(csv.before)} MB, peak during ${mb(csv.peak)} MB, after ${mb(csv.after)} MB; growth ${growthMb.toFixed(1)} MB  target ≤ ${TARGET.rssGrowthMb} MB: ${growthMb <= TARGET.rssGrowthMb ? 'ok' : 'MISSED'}`,
      );
    }
    console.log(
      misses.length
        ? `   list API p95 missed for: ${misses.join('; ')}`
        : `   list API p95 ≤ ${TARGET.listP95Ms} ms for every filter, search and sort`,
    );
  } finally {
    app.child.kill('SIGTERM');
    await Promise.race([waitForExit(app.child), new Promise((done) => setTimeout(done, 10_000))]);
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      pg: { type: 'string' },
      requests: { type: 'string', default: '50' },
      exports: { type: 'string', default: '2' },
      keys: { type: 'string', default: '100000' },
      attempts: { type: 'string', default: '300000' },
      'skip-pglite': { type: 'boolean', default: false },
      'no-analyze': { type: 'boolean', default: false },
    },
  });
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) {
    console.error('The app is not built: run `npx next build` (or `npm run build`) first, then `npm run bench:keys`.');
    process.exit(1);
  }
  const requests = Number(values.requests);
  const exports = Number(values.exports);
  const counts = { keys: Number(values.keys), attempts: Number(values.attempts) };
  const analyze = !values['no-analyze'];
  const pgServer = values.pg ?? getEnv().TEST_DATABASE_URL;
  console.log(
    `Billing-key list benchmark: ${counts.keys} keys, ${counts.attempts} attempts, ${requests} requests per scenario${analyze ? '' : ', no ANALYZE'}`,
  );
  console.log(
    `(${cpus().length} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}: other work on the machine shows in the figures)`,
  );

  if (!values['skip-pglite']) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-keys-'));
    try {
      console.log(`\n== PGlite: seeding ${dataDir} (child process)`);
      await seed(['--data-dir', dataDir], counts, analyze);
      await createBenchAccount({ DATA_DIR: dataDir, DATABASE_URL: null });
      await benchEngine('PGlite', { DATA_DIR: dataDir, DATABASE_URL: null }, requests, exports);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (!pgServer) {
    console.log('\n(PostgreSQL skipped: set TEST_DATABASE_URL or pass --pg postgres://… to measure it too.)');
    return;
  }
  const database = `bench_keys_${Date.now().toString(36)}`;
  const secretDir = mkdtempSync(join(tmpdir(), 'bench-keys-auth-'));
  const scratch = await createScratchDatabase(pgServer, database);
  try {
    console.log(`\n== PostgreSQL: seeding database ${database} (child process)`);
    await seed(['--pg', scratch.url], counts, analyze);
    // DATA_DIR only holds the generated auth secret here, shared by the account script and the app.
    const store = { DATABASE_URL: scratch.url, DATA_DIR: secretDir };
    await createBenchAccount(store);
    await benchEngine('PostgreSQL', store, requests, exports);
  } finally {
    await scratch.drop();
    rmSync(secretDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
