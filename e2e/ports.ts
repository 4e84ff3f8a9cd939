/** Where the e2e servers listen; one place so specs and config agree. */
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const E2E = {
  sandboxAppPort: base,
  liveAppPort: base + 1,
  sandboxPort: base + 910,
  get sandboxAppUrl() {
    return `http://127.0.0.1:${this.sandboxAppPort}`;
  },
  get liveAppUrl() {
    return `http://127.0.0.1:${this.liveAppPort}`;
  },
  get sandboxUrl() {
    return `http://127.0.0.1:${this.sandboxPort}`;
  },
  /** The sandbox's default credentials (lib/iamport/sandbox), used by the live-mode app. */
  sandboxImpKey: 'imp_sandbox_key',
  sandboxImpSecret: 'imp_sandbox_secret',
  issueTimeoutMs: 3_000,
  sandboxSlowMs: 4_500,
  logDir: 'test-results/server-logs',
};
