/**
 * `npm run bench`: how the built app holds under load, measured over HTTP against `next start`.
 * Prints figures beside their targets; it is not a pass/fail test.
 *
 *   a. issuance (POST /api/billing-keys as an agent, unique customer_uids, in-process sandbox
 *      answering at once) against GET /api/bench/constant (constant JSON, no auth, no database) on
 *      the same server in the same run: throughput ratio and p50/p99;
 *   b. the standalone sandbox answering after 200 ms, the app in live mode, 200 issuances at once:
 *      getToken calls (exactly one) and p99 (≤ 250 ms), cold and warm, with and without the form's
 *      signed guard check, and where the time goes (Iamport round trips per issuance from the
 *      sandbox's per-uid counters; database transactions and rows per issuance on PostgreSQL);
 *   c. the server's RSS: the first initialisation of an empty PGlite folder (its own short-lived
 *      process), the server after starting on it, every 1,000 issuances up to 10,000 (≤ 400 MB) and
 *      over a further 10,000 (no upward trend), and after a restart;
 *   d. first-load JavaScript (gzip) of /keys/new against the empty page /bench/empty, both as served.
 *
 *   node --conditions=react-server --import tsx scripts/bench.ts [--issuances 10000] [--more 10000]
 *     [--concurrency 16] [--burst 200] [--pg URL] [--skip-pg] [--skip-burst]
 *     [--app-on-pg]  (a and c on a fresh PostgreSQL database instead of PGlite, to tell whose memory it is)
 *     [--only-burst] (b alone)
 * PostgreSQL (b) runs when TEST_DATABASE_URL or --pg names a server (a fresh database, dropped after).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { getEnv } from '../lib/env';
import { createScratchDatabase } from '../lib/db/scratch-database';
import { freePort } from '../lib/free-port';
import {
  mb,
  percentile,
  requireBuild,
  run,
  samplePeak,
  signIn,
  sleep,
  startApp,
  stopProcess,
  treeRssKb,
  tsxScript,
  waitForExit,
  waitForUrl,
  type StartedApp,
} from './bench-lib';

const PASSWORD = 'bench staff password 1';
const AGENT = 'e2e.agent@example.test';
const AUTH_SECRET = 'bench-only-better-auth-secret-0123456789abcdef';
const CARD = '5272-8900-0000-0004';
const LATENCY_MS = 200;
const TARGET = { ratio: 0.5, burstP99Ms: 250, rssMb: 400, trendMbPer1000: 1, firstLoadExtraKb: 75 };
const RUN = Date.now().toString(36);

/** The environment every app process of the bench gets. */
const APP_ENV = {
  BETTER_AUTH_SECRET: AUTH_SECRET,
  BENCH_ROUTES: '1',
  IAMPORT_TIER: null,
  SANDBOX_CHANNELS: null,
  SANDBOX_CHANNELS_FILE: null,
};

interface Driven {
  count: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  failures: Map<string, number>;
}

/** Runs `count` calls of `one` with `concurrency` in flight; latencies of every call. */
async function drive(
  count: number,
  concurrency: number,
  one: (index: number) => Promise<string | null>,
  onDone?: (done: number) => void,
): Promise<Driven> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (;;) {
        const index = next++;
        if (index >= count) return;
        const t = performance.now();
        const failure = await one(index).catch((error: unknown) =>
          error instanceof Error ? error.message : String(error),
        );
        latencies.push(performance.now() - t);
        if (failure) failures.set(failure, (failures.get(failure) ?? 0) + 1);
        onDone?.(++done);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count,
    seconds,
    rps: count / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    failures,
  };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const failuresText = (driven: Driven) =>
  driven.failures.size ? ` FAILURES: ${[...driven.failures].map(([what, n]) => `${n}× ${what}`).join('; ')}` : '';

function issueRequest(base: string, cookie: string, customerUid: string, extra: Record<string, string> = {}) {
  return fetch(`${base}/api/billing-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ customer_uid: customerUid, pg: 'nice', card_number: CARD, expiry: '2030-12', ...extra }),
  });
}

/** One issuance; null when it answered 201, else what it answered. */
async function issue(
  base: string,
  cookie: string,
  customerUid: string,
  extra: Record<string, string> = {},
): Promise<string | null> {
  const response = await issueRequest(base, cookie, customerUid, extra);
  const text = await response.text();
  if (response.status === 201) return null;
  const code = (() => {
    try {
      return (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  })();
  return `HTTP ${response.status} ${code ?? text.slice(0, 80)}`;
}

/** Initialises an empty PGlite folder (migrations, staff) in its own process; answers that process's peak RSS. */
async function initialise(store: Record<string, string | null>): Promise<number> {
  const child = run(
    tsxScript('scripts/seed-e2e-staff.ts', PASSWORD),
    { ...APP_ENV, LOG_LEVEL: 'warn', ...store },
    { quiet: true },
  );
  const peak = samplePeak(child.pid as number, 20);
  const code = await waitForExit(child);
  const peakKb = peak.stop();
  if (code !== 0) throw new Error(`initialising the database failed (exit ${code})`);
  return peakKb;
}

function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const num = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const den = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const rows: [string, string, string, string][] = [];
const row = (what: string, measured: string, target = '', verdict = '') => rows.push([what, measured, target, verdict]);
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

// ---------------------------------------------------------------------------------------------
// a + c + d: in-process sandbox, PGlite in an empty folder
// ---------------------------------------------------------------------------------------------

async function sandboxModeBench(options: { issuances: number; more: number; concurrency: number; pgUrl?: string }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-app-'));
  const store: Record<string, string | null> = options.pgUrl
    ? { DATABASE_URL: options.pgUrl }
    : { DATA_DIR: dataDir, DATABASE_URL: null };
  const env = { ...APP_ENV, ...store, IMP_KEY: null, IMP_SECRET: null, SANDBOX_LATENCY_MS: '0' };
  const engine = options.pgUrl ? 'PostgreSQL' : 'PGlite';
  let app: StartedApp | null = null;
  try {
    console.log(
      `\n== Sandbox mode (in-process sandbox, no latency), ${options.pgUrl ? 'PostgreSQL (a fresh database)' : `PGlite in ${dataDir}`}`,
    );
    const initPeakKb = await initialise(store);
    console.log(`   first initialisation of the empty ${engine} database (own process): peak RSS ${mb(initPeakKb)} MB`);
    app = await startApp(env);
    await sleep(1500);
    const startedKb = treeRssKb(app.pid);
    console.log(`   server started on ${app.base} (pid ${app.pid}): RSS ${mb(startedKb)} MB`);
    row(
      `c. RSS: first initialisation of an empty ${engine} database (separate process, peak)`,
      `${mb(initPeakKb)} MB`,
      'informative',
      '',
    );
    row(
      `c. RSS: server after start on the fresh ${engine} database`,
      `${mb(startedKb)} MB`,
      `≤ ${TARGET.rssMb} MB`,
      verdict(startedKb / 1024 <= TARGET.rssMb),
    );

    const cookie = await signIn(app.base, AGENT, PASSWORD);
    const { base } = app;

    // d. First-load JavaScript, before anything else warms caches (the sizes do not depend on it).
    await firstLoadJs(base, cookie);

    // a. Constant JSON vs issuance, same server, same concurrency.
    const constant = async () => {
      const response = await fetch(`${base}/api/bench/constant`);
      const text = await response.text();
      return response.status === 200 && text === '{"ok":true}' ? null : `HTTP ${response.status} ${text.slice(0, 60)}`;
    };
    await drive(500, options.concurrency, constant);
    const baseline = await drive(3000, options.concurrency, constant);
    // The same wrapper and session check every signed-in route pays, without any business logic.
    const account = await drive(1500, options.concurrency, async () => {
      const response = await fetch(`${base}/api/account`, { headers: { cookie } });
      await response.text();
      return response.status === 200 ? null : `HTTP ${response.status}`;
    });
    let issued = 0;
    const nextUid = () => `bench_${RUN}_${issued++}`;
    await drive(100, options.concurrency, () => issue(base, cookie, nextUid()));
    const issuance = await drive(1500, options.concurrency, () => issue(base, cookie, nextUid()));
    // One at a time: what one issuance costs the server (app + database), without queueing.
    const alone = await drive(200, 1, () => issue(base, cookie, nextUid()));
    console.log(`      one at a time: p50 ${fmt(alone.p50)} ms, p99 ${fmt(alone.p99)} ms${failuresText(alone)}`);
    const ratio = issuance.rps / baseline.rps;
    console.log(
      `   a. constant JSON: ${fmt(baseline.rps, 0)} req/s, p50 ${fmt(baseline.p50)} ms, p99 ${fmt(baseline.p99)} ms${failuresText(baseline)}`,
    );
    console.log(
      `      issuance:      ${fmt(issuance.rps, 0)} req/s, p50 ${fmt(issuance.p50)} ms, p99 ${fmt(issuance.p99)} ms${failuresText(issuance)}`,
    );
    row(
      `a. GET /api/bench/constant (concurrency ${options.concurrency})`,
      `${fmt(baseline.rps, 0)}/s, p50 ${fmt(baseline.p50)} ms, p99 ${fmt(baseline.p99)} ms`,
      'baseline',
      '',
    );
    row(
      `a. POST /api/billing-keys (agent, concurrency ${options.concurrency})`,
      `${fmt(issuance.rps, 0)}/s, p50 ${fmt(issuance.p50)} ms, p99 ${fmt(issuance.p99)} ms${issuance.failures.size ? ' (failures!)' : ''}`,
      '',
      '',
    );
    row(
      `a. GET /api/account (apiRoute + session check only, concurrency ${options.concurrency})`,
      `${fmt(account.rps, 0)}/s, p50 ${fmt(account.p50)} ms, p99 ${fmt(account.p99)} ms${failuresText(account)}`,
      '',
      '',
    );
    row(
      'a. issuance throughput ÷ constant throughput',
      fmt(ratio, 3),
      `≥ ${TARGET.ratio}`,
      verdict(ratio >= TARGET.ratio),
    );
    row('a. constant p50 ÷ issuance p50 (latency ratio)', fmt(baseline.p50 / issuance.p50, 3), '', '');
    row(
      'a. one issuance at a time (app + database, no queue)',
      `p50 ${fmt(alone.p50)} ms, p99 ${fmt(alone.p99)} ms`,
      '',
      '',
    );

    // c. RSS every 1,000 issuances: up to `issuances` in all, then `more`.
    const samples: [number, number][] = [];
    const sample = (total: number) => {
      const kb = treeRssKb(app!.pid);
      samples.push([total, kb]);
      return kb;
    };
    const toGo = Math.max(0, options.issuances - issued);
    console.log(`   c. issuing ${toGo} more (to ${options.issuances}), then ${options.more}; RSS per 1,000:`);
    const progressFrom = (offset: number) => (done: number) => {
      const total = offset + done;
      if (total % 1000 === 0) console.log(`      ${String(total).padStart(6)} issued: RSS ${mb(sample(total))} MB`);
    };
    const first = await drive(toGo, options.concurrency, () => issue(base, cookie, nextUid()), progressFrom(issued));
    const atTarget = treeRssKb(app.pid);
    const second = await drive(
      options.more,
      options.concurrency,
      () => issue(base, cookie, nextUid()),
      progressFrom(issued),
    );
    await sleep(1000);
    const endKb = treeRssKb(app.pid);
    const later = samples
      .filter(([count]) => count > options.issuances)
      .map(([count, kb]): [number, number] => [count / 1000, kb / 1024]);
    const trend = later.length >= 2 ? slope(later) : NaN;
    console.log(
      `      first ${toGo}: ${fmt(first.rps, 0)}/s${failuresText(first)}; further ${options.more}: ${fmt(second.rps, 0)}/s${failuresText(second)}; RSS at the end ${mb(endKb)} MB`,
    );
    row(
      `c. RSS after ${options.issuances.toLocaleString('en-US')} issuances`,
      `${mb(atTarget)} MB`,
      `≤ ${TARGET.rssMb} MB`,
      verdict(atTarget / 1024 <= TARGET.rssMb),
    );
    row(
      `c. RSS trend over a further ${options.more.toLocaleString('en-US')} (least squares)`,
      `${fmt(trend, 2)} MB per 1,000 (${later.map(([, value]) => fmt(value, 0)).join(', ')} MB)`,
      `≤ ${TARGET.trendMbPer1000} MB per 1,000`,
      verdict(trend <= TARGET.trendMbPer1000),
    );

    // c. A restart on the now populated folder.
    await stopProcess(app.child);
    app = await startApp(env);
    await sleep(1500);
    const restartedKb = treeRssKb(app.pid);
    row(
      `c. RSS: server restarted on the folder (${issued.toLocaleString('en-US')} keys)`,
      `${mb(restartedKb)} MB`,
      `≤ ${TARGET.rssMb} MB`,
      verdict(restartedKb / 1024 <= TARGET.rssMb),
    );
  } finally {
    if (app) await stopProcess(app.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Sum of the gzip sizes of every `<script src>` a served page references. */
async function scriptBytes(
  base: string,
  path: string,
  cookie?: string,
): Promise<{ gzip: number; raw: number; scripts: number }> {
  const response = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const sources = [
    ...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'))),
  ];
  let gzip = 0;
  let raw = 0;
  for (const source of sources) {
    const script = await fetch(new URL(source, base));
    if (!script.ok) throw new Error(`${source} answered ${script.status}`);
    const bytes = Buffer.from(await script.arrayBuffer());
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { gzip, raw, scripts: sources.length };
}

async function firstLoadJs(base: string, cookie: string) {
  const empty = await scriptBytes(base, '/bench/empty');
  const form = await scriptBytes(base, '/keys/new', cookie);
  const extraKb = (form.gzip - empty.gzip) / 1024;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(
    `   d. first-load JS (gzip): /bench/empty ${kb(empty.gzip)} in ${empty.scripts} scripts; /keys/new ${kb(form.gzip)} in ${form.scripts}`,
  );
  row(
    'd. first-load JS, /bench/empty (gzip, every <script src>)',
    `${kb(empty.gzip)} (${empty.scripts} scripts, ${kb(empty.raw)} raw)`,
    'baseline',
    '',
  );
  row(
    'd. first-load JS, /keys/new (gzip, signed in)',
    `${kb(form.gzip)} (${form.scripts} scripts, ${kb(form.raw)} raw)`,
    '',
    '',
  );
  row(
    'd. /keys/new above the empty page',
    `${extraKb.toFixed(1)} kB`,
    `≤ ${TARGET.firstLoadExtraKb} kB`,
    verdict(extraKb <= TARGET.firstLoadExtraKb),
  );
}

// ---------------------------------------------------------------------------------------------
// b: standalone sandbox answering after 200 ms, live mode, 200 at once
// ---------------------------------------------------------------------------------------------

interface SandboxStats {
  getToken: number;
  issue: number;
  get: number;
  listChannels: number;
  total: number;
}

async function dbActivity(url: string | null): Promise<Record<string, number> | null> {
  if (!url) return null;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<Record<string, string>>(
      'select xact_commit, tup_inserted, tup_updated, tup_deleted, tup_fetched from pg_stat_database where datname = current_database()',
    );
    return Object.fromEntries(Object.entries(result.rows[0] ?? {}).map(([name, value]) => [name, Number(value)]));
  } finally {
    await client.end();
  }
}

async function latencyBench(
  engine: 'PGlite' | 'PostgreSQL',
  store: Record<string, string | null>,
  pgUrl: string | null,
  burst: number,
) {
  const sandboxPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandbox = run(
    tsxScript('scripts/sandbox.ts'),
    {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_HOST: '127.0.0.1',
      SANDBOX_LATENCY_MS: String(LATENCY_MS),
      LOG_LEVEL: 'warn',
      SANDBOX_CHANNELS: null,
      SANDBOX_CHANNELS_FILE: null,
    },
    { quiet: true },
  );
  let app: StartedApp | null = null;
  try {
    console.log(
      `\n== Live mode against the standalone sandbox (${LATENCY_MS} ms per answer), ${engine}, ${burst} issuances at once`,
    );
    await waitForUrl(`${sandboxUrl}/__sandbox/stats`, sandbox, 60_000);
    await initialise(store);
    app = await startApp({
      ...APP_ENV,
      ...store,
      IMP_KEY: 'imp_sandbox_key',
      IMP_SECRET: 'imp_sandbox_secret',
      IAMPORT_API_URL: sandboxUrl,
    });
    const { base } = app;
    const cookie = await signIn(base, AGENT, PASSWORD);
    // Warm the server's code paths without touching Iamport (no token yet).
    for (let i = 0; i < 20; i++)
      await fetch(`${base}/api/attempts`, { headers: { cookie } }).then((response) => response.text());
    const stats = async (): Promise<SandboxStats> =>
      (await (await fetch(`${sandboxUrl}/__sandbox/stats`)).json()) as SandboxStats;
    const calls = async (uid: string) =>
      (
        (await (await fetch(`${sandboxUrl}/__sandbox/calls/${encodeURIComponent(uid)}`)).json()) as {
          calls: Partial<SandboxStats>;
        }
      ).calls;

    const burstOf = async (
      label: string,
      prefix: string,
      extra: (uid: string) => Record<string, string> = () => ({}),
    ) => {
      const before = await stats();
      const dbBefore = await dbActivity(pgUrl);
      const uids = Array.from({ length: burst }, (_, i) => `${prefix}_${i}`);
      const extras = uids.map(extra);
      const driven = await drive(burst, burst, (i) => issue(base, cookie, uids[i]!, extras[i]));
      const after = await stats();
      // Backends report to pg_stat_database at most once a second, idle ones within 10 s.
      if (pgUrl) await sleep(11_000);
      const dbAfter = await dbActivity(pgUrl);
      const perUid = await calls(uids[uids.length - 1]!);
      const delta = (name: keyof SandboxStats) => after[name] - before[name];
      // Calls during the burst only (the form path's look-up came before it), per issuance.
      const roundTrips = Math.round((delta('get') + delta('issue')) / burst);
      if ((perUid.issue ?? 0) !== 1)
        console.log(`      (the last uid reached Iamport's issue endpoint ${perUid.issue ?? 0} times)`);
      const floor = roundTrips * LATENCY_MS;
      console.log(
        `   ${label}: p50 ${fmt(driven.p50, 0)} ms, p99 ${fmt(driven.p99, 0)} ms, max ${fmt(driven.max, 0)} ms, ${fmt(driven.seconds, 2)} s for ${burst}${failuresText(driven)}`,
      );
      console.log(
        `      Iamport calls: getToken ${delta('getToken')}, listChannels ${delta('listChannels')}, get ${delta('get')}, issue ${delta('issue')}; per issuance ${roundTrips} round trip(s) = ${floor} ms of the sandbox's latency`,
      );
      let dbText = '';
      if (dbBefore && dbAfter) {
        const per = (name: string) => ((dbAfter[name]! - dbBefore[name]!) / burst).toFixed(1);
        dbText = `; DB per issuance: ${per('xact_commit')} transactions, ${per('tup_inserted')} rows inserted, ${per('tup_updated')} updated, ${per('tup_deleted')} deleted`;
        console.log(`      PostgreSQL${dbText.slice(1)}`);
      }
      return { driven, getToken: delta('getToken'), roundTrips, floor, dbText };
    };

    // The floor under any burst: the same server answering 200 requests at once with constant JSON
    // (no session, no database, no Iamport). Whatever this costs, every issuance burst pays it too.
    const constantBurst = async () => {
      const response = await fetch(`${base}/api/bench/constant`);
      await response.text();
      return response.status === 200 ? null : `HTTP ${response.status}`;
    };
    await drive(burst, burst, constantBurst);
    const floor = await drive(burst, burst, constantBurst);
    console.log(
      `   floor: ${burst} constant-JSON requests at once: p50 ${fmt(floor.p50, 0)} ms, p99 ${fmt(floor.p99, 0)} ms${failuresText(floor)}`,
    );
    row(
      `b. ${engine}: floor, ${burst} constant-JSON requests at once (no work, no Iamport)`,
      `p50 ${fmt(floor.p50, 0)} ms, p99 ${fmt(floor.p99, 0)} ms: ${LATENCY_MS} ms of Iamport on top leaves ${fmt(TARGET.burstP99Ms - LATENCY_MS, 0)} ms for all of it`,
      'reference',
      '',
    );
    const cold = await burstOf('cold (no token, no channel list yet), API caller', `bench_b_${RUN}_${engine}_cold`);
    row(
      `b. ${engine}: getToken calls for ${burst} issuances at once, cold`,
      String(cold.getToken),
      'exactly 1',
      verdict(cold.getToken === 1),
    );
    row(
      `b. ${engine}: cold burst, API caller (guard GET + issue)`,
      `p50 ${fmt(cold.driven.p50, 0)} ms, p99 ${fmt(cold.driven.p99, 0)} ms${cold.driven.failures.size ? ' (failures!)' : ''}`,
      `p99 ≤ ${TARGET.burstP99Ms} ms`,
      verdict(cold.driven.p99 <= TARGET.burstP99Ms),
    );
    const warm = await burstOf('warm, API caller (no guard check)', `bench_b_${RUN}_${engine}_warm`);
    row(
      `b. ${engine}: warm burst, API caller: ${warm.roundTrips} round trips = ${warm.floor} ms floor`,
      `p50 ${fmt(warm.driven.p50, 0)} ms, p99 ${fmt(warm.driven.p99, 0)} ms; app+DB ≈ ${fmt(warm.driven.p50 - warm.floor, 0)} ms at p50${warm.dbText}`,
      `p99 ≤ ${TARGET.burstP99Ms} ms`,
      verdict(warm.driven.p99 <= TARGET.burstP99Ms),
    );
    // The form's path: the current-key look-up (done while the agent types) hands over a signed
    // "nothing at Iamport" check, so the issuance itself is one round trip.
    const formPrefix = `bench_b_${RUN}_${engine}_form`;
    const checks = new Map<string, string>();
    await drive(burst, 20, async (i) => {
      const uid = `${formPrefix}_${i}`;
      const response = await fetch(`${base}/api/billing-keys/${uid}/current`, { headers: { cookie } });
      const answer = (await response.json()) as { guardCheck?: string | null };
      if (answer.guardCheck) checks.set(uid, answer.guardCheck);
      return answer.guardCheck ? null : `no guardCheck (HTTP ${response.status})`;
    });
    const form = await burstOf('warm, form path (signed guard check)', formPrefix, (uid): Record<string, string> => {
      const check = checks.get(uid);
      return check ? { guard_check: check } : {};
    });
    row(
      `b. ${engine}: warm burst, form path: ${form.roundTrips} round trip(s) = ${form.floor} ms floor`,
      `p50 ${fmt(form.driven.p50, 0)} ms, p99 ${fmt(form.driven.p99, 0)} ms; app+DB ≈ ${fmt(form.driven.p50 - form.floor, 0)} ms at p50${form.dbText}`,
      `p99 ≤ ${TARGET.burstP99Ms} ms`,
      verdict(form.driven.p99 <= TARGET.burstP99Ms),
    );
  } finally {
    if (app) await stopProcess(app.child);
    await stopProcess(sandbox);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      issuances: { type: 'string', default: '10000' },
      more: { type: 'string', default: '10000' },
      concurrency: { type: 'string', default: '16' },
      burst: { type: 'string', default: '200' },
      pg: { type: 'string' },
      'skip-pg': { type: 'boolean', default: false },
      /** Diagnosis: run a and c on a fresh PostgreSQL database instead of PGlite (whose memory is it?). */
      'app-on-pg': { type: 'boolean', default: false },
      'skip-burst': { type: 'boolean', default: false },
      /** Only b: the 200 ms bursts (and their floor). */
      'only-burst': { type: 'boolean', default: false },
    },
  });
  requireBuild('npm run bench');
  const started = performance.now();
  const pgServer = values['skip-pg'] ? undefined : (values.pg ?? getEnv().TEST_DATABASE_URL);
  console.log(
    `Billing-key console benchmark (${cpus().length} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}: other work on the machine shows in the figures)`,
  );

  const options = {
    issuances: Number(values.issuances),
    more: Number(values.more),
    concurrency: Number(values.concurrency),
  };
  if (values['only-burst']) {
    // b alone, below.
  } else if (values['app-on-pg']) {
    if (!pgServer) throw new Error('--app-on-pg needs TEST_DATABASE_URL or --pg');
    await withFreshDatabase(pgServer, 'app', (url) => sandboxModeBench({ ...options, pgUrl: url }));
  } else {
    await sandboxModeBench(options);
  }
  if (values['skip-burst']) return printTable(started);

  const burst = Number(values.burst);
  const pgliteDir = mkdtempSync(join(tmpdir(), 'bench-live-'));
  try {
    await latencyBench('PGlite', { DATA_DIR: pgliteDir, DATABASE_URL: null }, null, burst);
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
  if (pgServer) {
    await withFreshDatabase(pgServer, 'burst', (url) => latencyBench('PostgreSQL', { DATABASE_URL: url }, url, burst));
  } else {
    console.log('\n(PostgreSQL skipped for b: set TEST_DATABASE_URL or pass --pg postgres://… to measure it too.)');
  }

  printTable(started);
}

/** A fresh database on the server of `serverUrl` for `body`, dropped afterwards. */
async function withFreshDatabase(
  serverUrl: string,
  label: string,
  body: (url: string) => Promise<void>,
): Promise<void> {
  const scratch = await createScratchDatabase(serverUrl, `bench_${label}_${RUN}`);
  try {
    await body(scratch.url);
  } finally {
    await scratch.drop();
  }
}

function printTable(started: number) {
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...rows.map((entry) => entry[column]!.length), ['measure', 'measured', 'target', ''][column]!.length),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(`\n${line(['measure', 'measured', 'target', ''])}`);
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const entry of rows) console.log(line(entry));
  console.log(
    `\n(${((performance.now() - started) / 1000).toFixed(0)} s in all; load average now ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
