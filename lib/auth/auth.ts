import 'server-only';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { betterAuth } from 'better-auth/minimal';
import { twoFactor } from 'better-auth/plugins/two-factor';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { authAccounts, authSessions, authTwoFactors, authUsers, authVerifications } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import { getLogger } from '@/lib/log';
import { boundedUserAgent, CLIENT_IP_HEADER, requestHost } from '@/lib/request-context';
import { AUTH_LIMITS } from '@/lib/validations/auth';
import { afterHook, beforeHook } from './hooks';
import { resolveAuthSecret } from './secret';
import { absoluteExpiry, sessionPolicyFrom, type SessionPolicy } from './session-policy';

export const APP_NAME = '빌링키 콘솔';

export interface AuthOptions {
  secret: string;
  /** Fixed public origin; when absent each request's own origin is used (and trusted). */
  baseURL?: string;
  policy: SessionPolicy;
  /** Clock for the session and sign-in rules; tests move it. */
  now?: () => Date;
}

/**
 * better-auth endpoints the console does not offer: sign-up (accounts come from /setup, the CLI and
 * admins), password and email flows that would bypass the app's rules, and social sign-in.
 */
const DISABLED_PATHS = [
  '/sign-up/email',
  '/sign-in/social',
  '/callback/:id',
  '/change-password',
  '/set-password',
  '/change-email',
  '/update-user',
  '/delete-user',
  '/delete-user/callback',
  '/request-password-reset',
  '/reset-password',
  '/reset-password/:token',
  '/verify-email',
  '/send-verification-email',
  '/verify-password',
  '/update-session',
  '/link-social',
  '/unlink-account',
  '/list-accounts',
  '/refresh-token',
  '/get-access-token',
  '/account-info',
  '/two-factor/send-otp',
  '/two-factor/verify-otp',
  '/two-factor/generate-backup-codes',
];

/**
 * Without BETTER_AUTH_URL, a browser request is trusted when its Origin names the host it was sent
 * to (the same check as `assertSameOrigin`): each instance, on any port, trusts only itself.
 */
function sameHostOrigins(request?: Request): string[] {
  const host = request ? requestHost(request.headers) : null;
  return host ? [`http://${host}`, `https://${host}`] : [];
}

function buildAuth(db: Db, options: AuthOptions) {
  const now = options.now ?? (() => new Date());
  const deps = { db, policy: options.policy, now };
  return betterAuth({
    appName: APP_NAME,
    baseURL: options.baseURL,
    trustedOrigins: options.baseURL ? [new URL(options.baseURL).origin] : sameHostOrigins,
    secret: options.secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        twoFactor: authTwoFactors,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: AUTH_LIMITS.passwordMin,
      maxPasswordLength: AUTH_LIMITS.passwordMax,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        deactivatedAt: { type: 'date', required: false, input: false },
      },
    },
    session: {
      // The absolute lifetime; the idle limit is `lastActiveAt`, enforced by the before hook.
      expiresIn: Math.floor(options.policy.maxAgeMs / 1000),
      disableSessionRefresh: true,
      cookieCache: { enabled: false },
      additionalFields: { lastActiveAt: { type: 'date', required: false, input: false } },
    },
    // Sign-in and second-factor steps have the app's own limit (database, shared by instances).
    rateLimit: {
      enabled: true,
      storage: 'memory',
      customRules: {
        '/sign-in/email': false,
        '/two-factor/verify-totp': false,
        '/two-factor/verify-backup-code': false,
      },
    },
    advanced: {
      cookiePrefix: 'bk',
      useSecureCookies: options.baseURL?.startsWith('https://') ?? false,
      // Set by `handleAuthRequest` from `clientIp` (trusted proxies only), never by the client.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    disabledPaths: DISABLED_PATHS,
    plugins: [
      twoFactor({
        issuer: APP_NAME,
        twoFactorCookieMaxAge: 600,
        accountLockout: { enabled: true, maxFailedAttempts: 10, durationSeconds: 15 * 60 },
      }),
    ],
    hooks: { before: beforeHook(deps), after: afterHook(deps) },
    databaseHooks: {
      session: {
        create: {
          // No session for a deactivated account; none outlives the absolute limit.
          before: async (session) => {
            const [user] = await db
              .select({ deactivatedAt: authUsers.deactivatedAt })
              .from(authUsers)
              .where(eq(authUsers.id, session.userId))
              .limit(1);
            if (!user || user.deactivatedAt) {
              throw new APIError('FORBIDDEN', {
                code: 'ACCOUNT_DEACTIVATED',
                message: '비활성화된 계정입니다. 관리자에게 문의하세요.',
              });
            }
            const createdAt = session.createdAt ?? now();
            const limit = absoluteExpiry(createdAt, options.policy);
            const expiresAt = session.expiresAt > limit ? limit : session.expiresAt;
            const userAgent = boundedUserAgent(session.userAgent);
            return { data: { ...session, userAgent, expiresAt, lastActiveAt: now() } };
          },
        },
      },
    },
    // better-auth's own console logging is off; its internal errors go to the app's log.
    logger: {
      log: (level, message) => {
        if (level === 'error') getLogger().error({ source: 'better-auth' }, message);
      },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof buildAuth>;

/** The auth instance with what the app's session rules need beside it. */
export interface AuthRuntime {
  auth: Auth;
  db: Db;
  policy: SessionPolicy;
  now: () => Date;
}

export function createAuthRuntime(db: Db, options: AuthOptions): AuthRuntime {
  return { auth: buildAuth(db, options), db, policy: options.policy, now: options.now ?? (() => new Date()) };
}

const globalForAuth = globalThis as unknown as { __billingKeyAuth?: Promise<AuthRuntime> };

/**
 * The process's auth runtime, created on first use once the database is open, and kept on
 * globalThis so dev reloads reuse it. A failed start is not cached.
 */
export function getAuthRuntime(): Promise<AuthRuntime> {
  if (!globalForAuth.__billingKeyAuth) {
    const starting = (async () => {
      const env = getEnv();
      const secret = resolveAuthSecret(env);
      const db = await getDb();
      return createAuthRuntime(db, { secret, baseURL: env.BETTER_AUTH_URL, policy: sessionPolicyFrom(env) });
    })();
    globalForAuth.__billingKeyAuth = starting;
    starting.catch(() => {
      if (globalForAuth.__billingKeyAuth === starting) globalForAuth.__billingKeyAuth = undefined;
    });
  }
  return globalForAuth.__billingKeyAuth;
}

/** The better-auth instance (mounted at /api/auth). */
export async function getAuth(): Promise<Auth> {
  return (await getAuthRuntime()).auth;
}
