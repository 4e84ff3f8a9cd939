import 'server-only';
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { afterEach } from 'vitest';
import { createSandbox, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, type SandboxOptions } from '@/lib/iamport/sandbox';
import { serveSandbox, type ServedSandbox } from '@/lib/iamport/sandbox/server';

/**
 * For a test file: `serve(options)` starts a sandbox on an ephemeral loopback port with `serveSandbox`;
 * every sandbox served is closed after each test.
 */
export function servedSandboxes() {
  const served: ServedSandbox[] = [];
  afterEach(async () => {
    await Promise.all(served.splice(0).map((server) => server.close()));
  });
  return async function serve(options: SandboxOptions = {}) {
    const sandbox = createSandbox(options);
    const server = await serveSandbox(sandbox, { host: '127.0.0.1', port: 0 });
    served.push(server);
    return { sandbox, url: server.url };
  };
}

/** What a plain node:http client saw: the status and the body so far, and the socket error if any. */
export interface RawExchange {
  status: number | null;
  body: string;
  contentType: string | undefined;
  /** Set when the connection failed or broke off mid-response. */
  error: NodeJS.ErrnoException | null;
}

/** One request with node:http (no fetch, no retries), to see exactly what goes over the socket. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const result: RawExchange = { status: null, body: '', contentType: undefined, error: null };
    let settled = false;
    const settle = (error: NodeJS.ErrnoException | null) => {
      if (settled) return;
      settled = true;
      result.error = error;
      resolve(result);
    };
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      result.status = res.statusCode ?? null;
      result.contentType = res.headers['content-type'];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        result.body += chunk;
      });
      res.on('error', (error) => settle(error));
      res.on('aborted', () => settle(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
      res.on('end', () => settle(null));
    });
    req.on('error', (error) => settle(error));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A token from a served sandbox, over HTTP. */
export async function httpToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imp_key: SANDBOX_IMP_KEY, imp_secret: SANDBOX_IMP_SECRET }),
  });
  const body = (await res.json()) as { response: { access_token: string } | null };
  if (!body.response) throw new Error(`getToken failed with HTTP ${res.status}`);
  return body.response.access_token;
}

export interface ScriptRun {
  child: ChildProcess;
  /** Everything printed so far on stdout and stderr. */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Stops the child (SIGTERM to its own pid) and waits for it. */
  stop(): Promise<void>;
}

/** Starts `scripts/sandbox.ts` exactly as `npm run sandbox` does, with extra environment variables. */
export function runSandboxScript(env: Record<string, string>): ScriptRun {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/sandbox.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits until the script prints its listening line (or exits, or `timeoutMs` passes). */
export async function waitForListening(run: ScriptRun, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const match = /listening on (http:\/\/\S+)/.exec(run.output());
    if (match?.[1]) return match[1];
    if (run.child.exitCode !== null) throw new Error(`sandbox script exited early:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sandbox script did not start within ${timeoutMs} ms:\n${run.output()}`);
}
