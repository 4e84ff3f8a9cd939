import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { expect, test } from '@playwright/test';
import { CARDS } from './cards';
import { E2E } from './ports';

/**
 * Never lose an issued key, under real faults: the app in live mode against the HTTP sandbox, a
 * burst of issuances, and in the middle of it either the app is killed (`kill -9`) or the connection
 * to Iamport is cut (a TCP relay in front of the sandbox is destroyed). Afterwards every key the
 * sandbox holds must be recorded within 60 s of Iamport being reachable again (the recovery loop,
 * lib/billing-keys/recovery-loop.ts), and nothing recorded that the sandbox does not hold. On PGlite
 * always, on PostgreSQL with TEST_DATABASE_URL. The figures are printed (`[FAULTS] …`).
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const BURST = 40;
const SLOW_MS = 4_000;
const RECORDED_WITHIN_MS = 60_000;
const role = 'admin' as const;

/** A TCP relay to the sandbox that the test can cut (every socket destroyed) and bring back. */
class Relay {
  #server: Server | null = null;
  #sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: number,
  ) {}
  async open(): Promise<void> {
    this.#server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.#server!.listen(this.port, '127.0.0.1', resolve));
  }
  /** The network between the app and Iamport goes away: open connections die, new ones are refused. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `npm run sandbox` on `port`, as the suite's own sandbox server runs it. */
async function startSandbox(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/sandbox.ts'], {
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_SLOW_MS: String(SLOW_MS) },
    stdio: 'ignore',
  });
  await until(
    'the sandbox listens',
    () =>
      fetch(`http://127.0.0.1:${port}/__sandbox/stats`).then(
        (response) => response.ok,
        () => false,
      ),
    30_000,
  );
  return child;
}

interface App {
  base: string;
  child: ChildProcess;
}

async function waitForHealth(base: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) before answering`);
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${base} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function until(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  return (async () => {
    while (!(await condition())) {
      if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return Date.now() - started;
  })();
}

for (const engine of ['pglite', 'postgres'] as const) {
  test.describe(`faults on ${engine}`, () => {
    test.skip(engine === 'postgres' && !process.env.TEST_DATABASE_URL, 'PostgreSQL runs only with TEST_DATABASE_URL');

    let sandbox: ChildProcess;
    let sandboxPort: number;
    let relay: Relay;
    let appPort: number;
    let app: App | null = null;
    const dbEnv: Record<string, string> = {};
    const logs: string[] = [];

    const env = (): NodeJS.ProcessEnv => ({
      ...process.env,
      NODE_ENV: 'production' as const,
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      BETTER_AUTH_SECRET: E2E.authSecret,
      IMP_KEY: E2E.sandboxImpKey,
      IMP_SECRET: E2E.sandboxImpSecret,
      IAMPORT_API_URL: `http://127.0.0.1:${relay.port}`,
      IAMPORT_ISSUE_TIMEOUT_MS: '10000',
      // The engine under test only (an empty DATA_DIR is refused by the app's env check).
      DATA_DIR: undefined,
      DATABASE_URL: '',
      ...dbEnv,
    });

    async function startApp(): Promise<App> {
      const child = spawn(
        process.execPath,
        ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(appPort)],
        { env: env(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
      const base = `http://127.0.0.1:${appPort}`;
      await waitForHealth(base, child);
      return { base, child };
    }

    async function kill(target: App) {
      const exited = new Promise((resolve) => target.child.once('exit', resolve));
      target.child.kill('SIGKILL');
      await exited;
    }

    async function signIn(base: string): Promise<string> {
      const response = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: E2E.staffEmail(role), password: E2E.staffPassword }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return response.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
    }

    /** Fires the burst; answers the uids (half of them on the slow card, still at the PG when the fault hits). */
    function burst(base: string, cookie: string, prefix: string) {
      const uids = Array.from({ length: BURST }, (_, index) => `${prefix}_${index}`);
      const answers = uids.map((uid, index) =>
        fetch(`${base}/api/billing-keys`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base, cookie },
          body: JSON.stringify({
            customer_uid: uid,
            pg: 'nice',
            card_number: index % 2 ? CARDS.slow : CARDS.kbCheck,
            expiry: '2030-12',
            idempotency_key: randomUUID(),
          }),
        }).then(
          (response) => response.status,
          () => 'lost' as const,
        ),
      );
      return { uids, answers: Promise.all(answers) };
    }

    const issuancesSeen = async () =>
      ((await (await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/stats`)).json()) as { issue: number }).issue;

    /**
     * Fires the burst and waits until the sandbox has received most of it: the fast half answered,
     * the slow half still at the PG. That is when the fault hits.
     */
    async function burstUntilInFlight(base: string, cookie: string, prefix: string) {
      const before = await issuancesSeen();
      const sent = burst(base, cookie, prefix);
      await until('the burst reaches Iamport', async () => (await issuancesSeen()) - before >= BURST - 4, 60_000);
      return sent;
    }

    /** The uids the sandbox (Iamport) holds a key for. */
    async function heldAtIamport(uids: string[]): Promise<Set<string>> {
      const held = await Promise.all(
        uids.map(async (uid) => {
          const response = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/keys/${encodeURIComponent(uid)}`);
          return response.status === 200 ? uid : null;
        }),
      );
      return new Set(held.filter((uid): uid is string => uid !== null));
    }

    /** The uids the console has recorded an active key for. */
    async function recorded(base: string, cookie: string, prefix: string): Promise<Set<string>> {
      const response = await fetch(`${base}/api/billing-keys?q=${encodeURIComponent(prefix)}&page_size=100`, {
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { rows: { customerUid: string }[] };
      return new Set(body.rows.map((row) => row.customerUid).filter((uid) => uid.startsWith(prefix)));
    }

    /** Waits until the console holds exactly what Iamport holds; answers how long it took. */
    async function converge(base: string, cookie: string, prefix: string, uids: string[]) {
      const held = await heldAtIamport(uids);
      let last = new Set<string>();
      const tookMs = await until(
        `${engine}: every key Iamport holds recorded`,
        async () => {
          last = await recorded(base, cookie, prefix);
          for (const uid of last) expect(held.has(uid), `${uid} recorded but not at Iamport`).toBe(true);
          return last.size === held.size;
        },
        RECORDED_WITHIN_MS,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)} (held ${held.size}, recorded ${last.size})\n${logs.join('').slice(-3000)}`);
      });
      // Nothing the sandbox does not hold, and nothing it holds missing.
      expect([...(await recorded(base, cookie, prefix))].sort()).toEqual([...held].sort());
      return { held: held.size, tookMs };
    }

    test.beforeAll(async () => {
      sandboxPort = await freePort();
      sandbox = await startSandbox(sandboxPort);
      relay = new Relay(await freePort(), sandboxPort);
      await relay.open();
      appPort = await freePort();
      if (engine === 'postgres') {
        dbEnv.DATABASE_URL = execFileSync('node', ['scripts/fresh-test-db.mjs', 'faults'], { encoding: 'utf8' });
      } else {
        const dir = `test-results/db/faults-${Date.now().toString(36)}`;
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        dbEnv.DATA_DIR = dir;
      }
      execFileSync(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'scripts/seed-e2e-staff.ts', E2E.staffPassword],
        { env: env(), stdio: 'ignore' },
      );
      app = await startApp();
    });

    test.afterAll(async () => {
      if (app) await kill(app);
      await relay?.cut();
      sandbox?.kill('SIGTERM');
    });

    test(`[FAULTS] ${engine}: kill -9 mid-burst, then every key Iamport holds is recorded within 60 s of the restart`, async () => {
      const cookie = await signIn(app!.base);
      const prefix = `kill_${engine}_${Date.now().toString(36)}`;
      const sent = await burstUntilInFlight(app!.base, cookie, prefix);
      await kill(app!);
      const answers = await sent.answers;
      // The slow ones were still at the PG when the app died; let them finish there.
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      const restarted = Date.now();
      app = await startApp();
      const startMs = Date.now() - restarted;
      const cookieAfter = await signIn(app.base);
      const { held, tookMs } = await converge(app.base, cookieAfter, prefix, sent.uids);
      const answered = answers.filter((status) => status !== 'lost').length;
      console.log(
        `[FAULTS] ${engine} kill -9: ${BURST} sent, ${answered} answered before the kill, ${held} held at Iamport, ` +
          `all ${held} recorded ${((startMs + tookMs) / 1000).toFixed(1)} s after the restart began (start ${(startMs / 1000).toFixed(1)} s)`,
      );
      expect(held).toBeGreaterThan(answered - 1);
      expect(held).toBeGreaterThan(BURST / 2 - 1); // the slow half was issued after the kill
    });

    test(`[FAULTS] ${engine}: the connection to Iamport cut mid-burst, then every key is recorded within 60 s of it coming back`, async () => {
      const cookie = await signIn(app!.base);
      const prefix = `cut_${engine}_${Date.now().toString(36)}`;
      const sent = await burstUntilInFlight(app!.base, cookie, prefix);
      await relay.cut();
      const answers = await sent.answers;
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      await relay.open();
      const back = Date.now();
      const { held, tookMs } = await converge(app!.base, cookie, prefix, sent.uids);
      const counts = answers.reduce<Record<string, number>>((all, status) => {
        all[String(status)] = (all[String(status)] ?? 0) + 1;
        return all;
      }, {});
      console.log(
        `[FAULTS] ${engine} relay cut: ${BURST} sent, answers ${JSON.stringify(counts)}, ${held} held at Iamport, ` +
          `all recorded ${(tookMs / 1000).toFixed(1)} s after Iamport was reachable again (${((Date.now() - back) / 1000).toFixed(1)} s)`,
      );
      expect(counts['504'] ?? 0, 'the cut issuances are outcome_unknown').toBeGreaterThan(0);
      expect(held).toBeGreaterThan(BURST / 2 - 1);
    });
  });
}
