import 'server-only';
import { z } from 'zod';

/**
 * The only reader of `process.env`. Parsed once, lazily, so that a bad variable fails the first
 * request (and `instrumentation.ts` at start-up) with a message naming it.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const intFrom = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Iamport REST API key; with IMP_SECRET switches the app to live mode. */
    IMP_KEY: optionalString,
    /** Iamport REST API secret. Never leaves lib/iamport. */
    IMP_SECRET: optionalString,
    /** Base URL of the Iamport API in live mode. */
    IAMPORT_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.iamport.kr'),
    /** Sub-merchant tier code, sent as the `Tier` header. */
    IAMPORT_TIER: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9]{3}$/, 'must be a 3-character tier code')
        .optional(),
    ),
    /** How long an issuance may take before its outcome is declared unknown. */
    IAMPORT_ISSUE_TIMEOUT_MS: intFrom(100, 600_000, 30_000),
    /** Timeout of every other Iamport call. */
    IAMPORT_READ_TIMEOUT_MS: intFrom(100, 600_000, 10_000),
    /** Port of the standalone sandbox (`npm run sandbox`). */
    SANDBOX_PORT: intFrom(1, 65_535, 4010),
    /** Host the standalone sandbox binds to; loopback by default. */
    SANDBOX_HOST: z.string().default('127.0.0.1'),
    /** HTTP status the sandbox uses for an unknown customer_uid (the sources disagree). */
    SANDBOX_NOT_FOUND_STATUS: z.coerce
      .number()
      .pipe(z.union([z.literal(404), z.literal(200)]))
      .default(404),
    /** How long the sandbox's "slow answer" card makes it wait. */
    SANDBOX_SLOW_MS: intFrom(0, 600_000, 35_000),
    /** Delay before every sandbox answer, like a distant server (benchmarks). */
    SANDBOX_LATENCY_MS: intFrom(0, 60_000, 0),
    /**
     * Path of a JSON file with the sandbox's channels: an array of
     * `{pg_provider, pg_id, sandbox, type, channel_name, channel_key, channel_group_ids?}`. Validated by
     * `loadSandboxChannels` (lib/iamport/sandbox/channels-config.ts) when the sandbox starts.
     */
    SANDBOX_CHANNELS_FILE: optionalString,
    /** The same array as inline JSON; its channels come after the file's. */
    SANDBOX_CHANNELS: optionalString,
    /** Folder of the embedded PGlite database (used when DATABASE_URL is unset). */
    DATA_DIR: z.string().min(1).default('./data'),
    /**
     * Embedded PGlite's buffer cache (PostgreSQL's `shared_buffers`, e.g. `64MB`). It lives in the
     * server's own memory and never shrinks; the files stay in the operating system's cache beside it.
     */
    PGLITE_SHARED_BUFFERS: z
      .string()
      .regex(/^\d+(kB|MB|GB)$/, 'must be a size such as 64MB')
      .refine((size) => {
        const kb = Number.parseInt(size, 10) * (size.endsWith('GB') ? 1024 * 1024 : size.endsWith('MB') ? 1024 : 1);
        return kb >= 128 && kb <= 1024 * 1024;
      }, 'must be between 128kB and 1GB')
      .default('64MB'),
    /** `postgres://…` switches storage from embedded PGlite to PostgreSQL (needed for several instances). */
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    /** Tests only: a PostgreSQL server on which storage tests also run, each in a fresh database. */
    TEST_DATABASE_URL: optionalString,
    /**
     * Signs session cookies and encrypts TOTP secrets (32+ characters). Required in live mode with
     * NODE_ENV=production; otherwise one is generated once into DATA_DIR/auth-secret.
     */
    BETTER_AUTH_SECRET: optionalString.pipe(
      z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
    ),
    /** Public origin of the app (`https://…`); trusted origin and Secure cookies. Default: each request's own origin. */
    BETTER_AUTH_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    /**
     * Public origin of the card-registration links sent to customers (`https://pay.example.com`).
     * Unset: the agent's request's own origin, except in live mode with NODE_ENV=production, where
     * links are refused.
     */
    PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    /** SMTP server for sending links by email (`smtp://user:pass@host:587`, `smtps://…`). Unset: no email. */
    SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    /** Sender of the link emails. */
    SMTP_FROM: z.string().trim().min(3).default('빌링키 콘솔 <no-reply@localhost>'),
    /** The merchant's messaging endpoint (SMS / 알림톡 gateway) that receives links to send. Unset: no webhook. */
    LINK_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    /** HMAC-SHA256 key of the webhook's `X-Signature` header (16+ characters); required with LINK_WEBHOOK_URL. */
    LINK_WEBHOOK_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** Template name the webhook's receiver uses for the message. */
    LINK_WEBHOOK_TEMPLATE: z.string().trim().min(1).default('card_registration_link'),
    /**
     * How many proxies in front of the app add to `X-Forwarded-For` (and set `X-Forwarded-Host`/`-Proto`).
     * 0: the app is reached directly and ignores every forwarded header; N: the client is the N-th hop
     * from the right.
     */
    TRUSTED_PROXY_HOPS: intFrom(0, 10, 0),
    /** A session unused for this many minutes is dead (re-authentication); activity extends it. */
    AUTH_IDLE_TIMEOUT_MINUTES: intFrom(1, 24 * 60, 15),
    /** Absolute session lifetime in hours, counted from sign-in, never extended. */
    AUTH_SESSION_MAX_HOURS: intFrom(1, 7 * 24, 12),
    /** `1` serves the benchmark-only routes (`/api/bench/constant`); unset or `0`: they answer 404. */
    BENCH_ROUTES: optionalString
      .pipe(z.enum(['0', '1'], 'must be 1 (on) or 0 (off)').optional())
      .transform((value) => value === '1'),
    /** Log level of the server's structured logs. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.LINK_WEBHOOK_URL && !env.LINK_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['LINK_WEBHOOK_SECRET'],
        message: 'LINK_WEBHOOK_SECRET must be set with LINK_WEBHOOK_URL (the receiver checks the signature)',
      });
    }
    if (Boolean(env.IMP_KEY) !== Boolean(env.IMP_SECRET)) {
      const missing = env.IMP_KEY ? 'IMP_SECRET' : 'IMP_KEY';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `${missing} must be set together with ${missing === 'IMP_KEY' ? 'IMP_SECRET' : 'IMP_KEY'} (set both for live mode, neither for sandbox mode)`,
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Validates an environment object; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new EnvError(`Invalid environment variables:\n${lines.join('\n')}`);
  }
  return result.data;
}

const globalForEnv = globalThis as unknown as { __billingKeyEnv?: Env };

export function getEnv(): Env {
  globalForEnv.__billingKeyEnv ??= parseEnv(process.env);
  return globalForEnv.__billingKeyEnv;
}

/** Live mode when both credentials are set; otherwise the in-process sandbox answers. */
export function isSandboxMode(env: Env = getEnv()): boolean {
  return !env.IMP_KEY || !env.IMP_SECRET;
}
