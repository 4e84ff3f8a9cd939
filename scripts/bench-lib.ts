/**
 * Helpers shared by the benchmarks (`npm run bench`, `npm run bench:keys`): child
 * processes with their own environment, the built app started with `next start`, RSS read from
 * /proc, percentiles and signing in. Command-line support only; never imported by the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../lib/free-port';

export const ROOT = resolve(import.meta.dirname, '..');

/** The nearest-rank percentile of an ascending list. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export const mb = (kb: number) => (kb / 1024).toFixed(1);

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Stops with a message when there is no production build to start. */
export function requireBuild(command: string): void {
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID'))) {
    console.error(`The app is not built: run \`npx next build\` (or \`npm run build\`) first, then \`${command}\`.`);
    process.exit(1);
  }
}

/** RSS in kB of a process and its descendants (next start may fork workers); 0 once it is gone. */
export function treeRssKb(pid: number): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean))
        visit(Number(task));
    } catch {
      // The process ended between listing and reading.
    }
  };
  visit(pid);
  return total;
}

/** Samples a process tree's RSS until stopped; answers the peak in kB. */
export function samplePeak(pid: number, everyMs = 50): { stop(): number } {
  let peak = treeRssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssKb(pid));
    },
  };
}

/**
 * Runs a command in the repository; `env` entries are set (or, when null, removed) through
 * /usr/bin/env so the parent's environment passes on otherwise untouched.
 */
export function run(
  command: string[],
  env: Record<string, string | null>,
  options: { quiet?: boolean } = {},
): ChildProcess {
  const args = [
    ...Object.entries(env).flatMap(([name, value]) => (value === null ? ['-u', name] : [])),
    ...Object.entries(env).flatMap(([name, value]) => (value === null ? [] : [`${name}=${value}`])),
    ...command,
  ];
  return spawn('env', args, { cwd: ROOT, stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'] });
}

export function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((done) => {
    if (child.exitCode !== null) done(child.exitCode);
    else child.once('exit', (code) => done(code ?? 1));
  });
}

/** `node --conditions=react-server --import tsx <script>`: how the scripts/ entry points run. */
export const tsxScript = (script: string, ...args: string[]) => [
  'node',
  '--conditions=react-server',
  '--import',
  'tsx',
  script,
  ...args,
];

/** Waits until `url` answers 2xx, or throws when the process exits or time runs out. */
export async function waitForUrl(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited (code ${child.exitCode}) before ${url} answered`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

export interface StartedApp {
  base: string;
  child: ChildProcess;
  pid: number;
}

/**
 * The Node.js flags `npm start` runs the server with (package.json's `start` script: the JavaScript
 * heap's cap), so a benchmark measures the same process a user starts.
 */
export function serverNodeArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const match = /^node((?: --\S+)*) node_modules\/next\/dist\/bin\/next start$/.exec(scripts.start);
  if (!match)
    throw new Error(
      `package.json's start script is not "node [flags] node_modules/next/dist/bin/next start": ${scripts.start}`,
    );
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

/**
 * Starts the built app (`next start` on a free loopback port, with `npm start`'s Node.js flags and
 * `nodeArgs`) with `env` on top of a quiet production environment, and waits for `readyPath` to
 * answer 2xx.
 */
export async function startApp(
  env: Record<string, string | null>,
  readyPath = '/api/health',
  nodeArgs: string[] = [],
): Promise<StartedApp> {
  const port = await freePort();
  const child = run(
    [
      'node',
      ...serverNodeArgs(),
      ...nodeArgs,
      'node_modules/next/dist/bin/next',
      'start',
      '-H',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    { NODE_ENV: 'production', LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1', ...env },
    { quiet: true },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForUrl(`${base}${readyPath}`, child);
  return { base, child, pid: child.pid as number };
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([waitForExit(child), sleep(graceMs)]);
  if (child.exitCode === null) {
    child.kill('SIGKILL');
    await waitForExit(child);
  }
}

/** Signs in through better-auth over HTTP; answers the `cookie` header value for later requests. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  if (!cookie.includes('session_token')) throw new Error('sign-in set no session cookie');
  return cookie;
}
