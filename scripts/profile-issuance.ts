/**
 * Diagnosis, not a test: where an issuance's CPU goes. Starts the built app on a fresh PGlite folder
 * (or `--pg URL`) with V8's CPU profiler on, drives issuances (in-process sandbox, no latency), stops
 * it, and prints the self time by package and the heaviest functions from the profile.
 *   node --conditions=react-server --import tsx scripts/profile-issuance.ts [--count 1500] [--concurrency 16] [--pg URL] [--path /api/account]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mb, run, signIn, startApp, stopProcess, treeRssKb, tsxScript, waitForExit } from './bench-lib';

const PASSWORD = 'bench staff password 1';
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1500' },
    concurrency: { type: 'string', default: '16' },
    pg: { type: 'string' },
    path: { type: 'string' },
    top: { type: 'string', default: '40' },
    /** Without the CPU profiler: RSS only. */
    'no-profile': { type: 'boolean', default: false },
  },
});
const dataDir = mkdtempSync(join(tmpdir(), 'profile-app-'));
const profDir = mkdtempSync(join(tmpdir(), 'profile-cpu-'));
const store: Record<string, string | null> = values.pg
  ? { DATABASE_URL: values.pg }
  : { DATA_DIR: dataDir, DATABASE_URL: null };
const env = {
  ...store,
  BETTER_AUTH_SECRET: 'bench-only-better-auth-secret-0123456789abcdef',
  BENCH_ROUTES: '1',
  IMP_KEY: null,
  IMP_SECRET: null,
  IAMPORT_TIER: null,
  SANDBOX_CHANNELS: null,
  SANDBOX_CHANNELS_FILE: null,
  SANDBOX_LATENCY_MS: '0',
};
const seeding = run(tsxScript('scripts/seed-e2e-staff.ts', PASSWORD), { ...env, LOG_LEVEL: 'warn' }, { quiet: true });
if ((await waitForExit(seeding)) !== 0) throw new Error('seeding failed');
const app = await startApp(env, '/api/health', values['no-profile'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
console.log(`RSS after start: ${mb(treeRssKb(app.pid))} MB`);
const cookie = await signIn(app.base, 'e2e.agent@example.test', PASSWORD);
let n = 0;
const one = async () => {
  if (values.path) {
    const response = await fetch(`${app.base}${values.path}`, { headers: { cookie } });
    await response.text();
    return response.status;
  }
  const response = await fetch(`${app.base}/api/billing-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      customer_uid: `prof_${n++}`,
      pg: 'nice',
      card_number: '5272-8900-0000-0004',
      expiry: '2030-12',
    }),
  });
  await response.text();
  return response.status;
};
/** The process tree's biggest memory mappings by resident size: the WASM heap is one huge reservation. */
function largestMappings(pid: number): string[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {}
  }
  const maps: { name: string; rss: number; size: number }[] = [];
  for (const each of pids) {
    let current: { name: string; rss: number; size: number } | null = null;
    for (const line of readFileSync(`/proc/${each}/smaps`, 'utf8').split('\n')) {
      const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) {
        current = {
          name: head[3] || '[anon]',
          rss: 0,
          size: (parseInt(head[2]!, 16) - parseInt(head[1]!, 16)) / 1048576,
        };
        maps.push(current);
      } else if (current && line.startsWith('Rss:')) current.rss = Number(line.split(/\s+/)[1]) / 1024;
    }
  }
  return maps
    .sort((a, b) => b.rss - a.rss)
    .slice(0, 6)
    .map((map) => `${map.rss.toFixed(0)} (${map.size.toFixed(0)}) ${map.name.split('/').slice(-1)[0]}`);
}

const drive = async (count: number) => {
  let next = 0;
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Number(values.concurrency) }, async () => {
      while (next++ < count) {
        const status = await one();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return { rps: count / ((performance.now() - started) / 1000), statuses };
};
await drive(200);
const result = await drive(Number(values.count));
console.log(`${values.path ?? 'issuance'}: ${result.rps.toFixed(0)}/s`, Object.fromEntries(result.statuses));
console.log(`RSS after ${Number(values.count) + 200}: ${mb(treeRssKb(app.pid))} MB`);
console.log(`largest mappings (RSS MB, virtual MB): ${largestMappings(app.pid).join('; ')}`);
await stopProcess(app.child);
if (values['no-profile']) process.exit(0);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const files = readdirSync(profDir).map((name) => join(profDir, name));
const biggest = files
  .map((file) => ({
    file,
    profile: JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] },
  }))
  .sort((a, b) => b.profile.samples.length - a.profile.samples.length)[0]!;
const { nodes, samples, timeDeltas } = biggest.profile;
const byId = new Map(nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const bucket = (url: string) => {
  if (!url) return '(native/idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('.next/server/chunks')) return '.next chunks (app + bundled deps)';
  if (url.startsWith('node:')) return url;
  return url.split('/').slice(-2).join('/');
};
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const pkg =
    functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)'
      ? functionName
      : bucket(url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const fn = `${functionName || '(anon)'} ${url.split('/').slice(-1)[0]}:${lineNumber}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`\nprofile ${biggest.file}: ${(total / 1e6).toFixed(1)} s sampled`);
for (const [name, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)}  ${name}`);
console.log('');
for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${pct(us)}  ${name}`);
rmSync(dataDir, { recursive: true, force: true });
