import 'server-only';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, like, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { formatWait } from '@/lib/validations/auth';
import { authUsers, authVerifications } from '@/lib/db/schema';
import { clientIpFromHeaders } from '@/lib/request-context';
import { recordAuthEvent } from './audit';
import { beginSignInAttempt, pruneSignInFailures, settleSignInAttempt } from './rate-limit';
import { loadLiveSession, type LiveSession } from './live-session';
import type { SessionPolicy } from './session-policy';

export interface HookDeps {
  db: Db;
  policy: SessionPolicy;
  now: () => Date;
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** What the before hook learnt about a request, for the after hook (same `ctx.context` object). */
interface RequestNote {
  session: LiveSession | null;
  attemptId?: number;
  /** For a second-factor step: the account whose sign-in it completes. */
  challengeUser?: { id: string; email: string } | null;
  email?: string | null;
  /** A TOTP code being verified, remembered once accepted so it cannot be replayed. */
  totp?: { userId: string; code: string };
}
const notes = new WeakMap<object, RequestNote>();

const SIGN_IN_PATH = '/sign-in/email';
const isSecondFactorPath = (path: string) =>
  path === '/two-factor/verify-totp' || path === '/two-factor/verify-backup-code';

export const RATE_LIMITED_MESSAGE = (seconds: number) =>
  `로그인 실패가 너무 많습니다. ${formatWait(seconds)} 후에 다시 시도하세요.`;

/**
 * Runs before every better-auth endpoint: ends idle, expired or deactivated sessions (so no
 * endpoint, not even better-auth's own, can use them), records activity, and applies the sign-in
 * limit to password and second-factor steps.
 */
export function beforeHook(deps: HookDeps) {
  return createAuthMiddleware(async (ctx) => {
    const note: RequestNote = { session: await checkSession(ctx, deps) };
    notes.set(ctx.context, note);
    const path = ctx.path ?? '';
    const ip = ctx.headers ? clientIpFromHeaders(ctx.headers) : null;

    if (path === '/sign-out' && note.session) {
      await recordAuthEvent(deps.db, {
        action: 'sign_out',
        result: 'success',
        userId: note.session.userId,
        email: note.session.email,
        ip,
      });
      return;
    }

    const twoFactorChange =
      path === '/two-factor/enable'
        ? 'enable'
        : path === '/two-factor/disable'
          ? 'disable'
          : path === '/two-factor/verify-totp' && note.session && !note.session.twoFactorEnabled
            ? 'enable'
            : null;
    if (twoFactorChange && note.session) {
      // Turning the second factor on or off does not happen unless its event can be written first
      // (its outcome follows after, as for a deletion).
      const recorded = await recordAuthEvent(deps.db, {
        action: 'account.two_factor_requested',
        result: 'success',
        userId: note.session.userId,
        email: note.session.email,
        ip,
        details: { change: twoFactorChange },
      });
      if (!recorded) {
        throw new APIError('SERVICE_UNAVAILABLE', { code: 'AUDIT_UNAVAILABLE', message: AUDIT_UNAVAILABLE_TWO_FACTOR });
      }
    }

    if (path === '/two-factor/verify-totp' && note.session) {
      // Enrolment with a session: not a sign-in, but a code is still good only once.
      await refuseReusedCode(ctx, deps, note, note.session.userId, note.session.email, ip);
      return;
    }

    let email: string | null = null;
    if (path === SIGN_IN_PATH) {
      const typed = (ctx.body as { email?: unknown } | undefined)?.email;
      // Control characters (a NUL above all) cannot be stored; better-auth then refuses the address itself.
      email =
        typeof typed === 'string'
          ? typed
              .replace(/[\u0000-\u001f\u007f]/g, '')
              .trim()
              .toLowerCase()
              .slice(0, 254)
          : null;
    } else if (isSecondFactorPath(path) && !note.session) {
      if ((ctx.body as { trustDevice?: unknown } | undefined)?.trustDevice) {
        throw new APIError('BAD_REQUEST', {
          code: 'TRUST_DEVICE_DISABLED',
          message: '이 기기 신뢰는 지원하지 않습니다. 로그인할 때마다 인증 코드를 입력하세요.',
        });
      }
      note.challengeUser = await challengeUser(ctx, deps.db);
      email = note.challengeUser?.email ?? null;
    } else {
      return;
    }

    note.email = email;
    const now = deps.now();
    const attempt = await beginSignInAttempt(deps.db, { email, ip }, now);
    if (!attempt.allowed) {
      await recordAuthEvent(deps.db, {
        action: 'sign_in',
        result: 'denied',
        userId: note.challengeUser?.id ?? null,
        email,
        ip,
        details: { reason: 'rate_limited', by: attempt.by, retryAfterSeconds: attempt.retryAfterSeconds },
      });
      throw new APIError(
        'TOO_MANY_REQUESTS',
        {
          code: 'RATE_LIMITED',
          message: RATE_LIMITED_MESSAGE(attempt.retryAfterSeconds),
          retryAfter: attempt.retryAfterSeconds,
        },
        { 'Retry-After': String(attempt.retryAfterSeconds) },
      );
    }
    note.attemptId = attempt.attemptId;
    if (Math.random() < 0.05) await pruneSignInFailures(deps.db, now).catch(() => {});
    if (path === '/two-factor/verify-totp' && note.challengeUser) {
      await refuseReusedCode(ctx, deps, note, note.challengeUser.id, note.challengeUser.email, ip);
    }
  });
}

/** Records how sign-ins and second-factor changes ended, and settles the sign-in attempt. */
export function afterHook(deps: HookDeps) {
  return createAuthMiddleware(async (ctx) => {
    const path = ctx.path ?? '';
    const note = notes.get(ctx.context);
    const ip = ctx.headers ? clientIpFromHeaders(ctx.headers) : null;
    const returned: unknown = ctx.context.returned;
    const failed = isAPIError(returned);
    const failure = failed ? { status: returned.statusCode, code: returned.body?.code ?? returned.status } : null;

    if (path === SIGN_IN_PATH && note?.attemptId !== undefined) {
      await settleSignInAttempt(deps.db, note.attemptId, !failed);
      const user = ctx.context.newSession?.user as
        { id: string; email: string; twoFactorEnabled?: boolean } | undefined;
      if (failed || !user) {
        await recordAuthEvent(deps.db, {
          action: 'sign_in',
          result: 'failure',
          userId: null,
          email: note.email ?? null,
          ip,
          details: { reason: reasonOf(failure?.code), step: 'password' },
        });
      } else {
        // With a second factor the plugin's own after hook replaces this session by a challenge.
        const pending = user.twoFactorEnabled === true;
        const recorded = await recordAuthEvent(deps.db, {
          action: pending ? 'sign_in.challenge' : 'sign_in',
          result: 'success',
          userId: user.id,
          email: user.email,
          ip,
          details: { method: 'password', ...(pending ? { secondFactor: 'pending' } : {}) },
        });
        if (!recorded) await undoSignIn(ctx);
      }
      return;
    }

    if (note?.totp && !failed) await rememberUsedCode(deps, note.totp);

    if (isSecondFactorPath(path) && note?.attemptId !== undefined) {
      await settleSignInAttempt(deps.db, note.attemptId, !failed);
      const recorded = await recordAuthEvent(deps.db, {
        action: 'sign_in',
        result: failed ? 'failure' : 'success',
        userId: note.challengeUser?.id ?? null,
        email: note.challengeUser?.email ?? null,
        ip,
        details: {
          method: path.endsWith('backup-code') ? 'backup_code' : 'totp',
          ...(failed ? { reason: reasonOf(failure?.code), step: 'second_factor' } : {}),
        },
      });
      if (!recorded && !failed) await undoSignIn(ctx);
      return;
    }

    const session = note?.session;
    if (!session) return;
    // Enrolment ends with the first verified code; changes are audited whichever way they end.
    const change =
      path === '/two-factor/enable'
        ? 'enable_started'
        : path === '/two-factor/disable'
          ? 'disabled'
          : path === '/two-factor/verify-totp' && !session.twoFactorEnabled
            ? 'enabled'
            : null;
    if (!change) return;
    await recordAuthEvent(deps.db, {
      action: 'account.two_factor',
      result: failed ? 'failure' : 'success',
      userId: session.userId,
      email: session.email,
      ip,
      details: { change, ...(failed ? { reason: reasonOf(failure?.code) } : {}) },
    });
  });
}

export const AUDIT_UNAVAILABLE_TWO_FACTOR =
  '감사 기록을 남길 수 없어 2단계 인증 설정을 바꾸지 않았습니다. 잠시 후 다시 시도하고, 계속되면 관리자에게 알리세요.';

export const AUDIT_UNAVAILABLE_SIGN_IN =
  '감사 기록을 남길 수 없어 로그인하지 않았습니다. 잠시 후 다시 시도하고, 계속되면 관리자에게 알리세요.';

/**
 * A sign-in whose audit event could not be written does not happen: the session just created is
 * deleted, its cookie expired, and the answer is 503 `AUDIT_UNAVAILABLE`.
 */
async function undoSignIn(ctx: HookContext): Promise<never> {
  const token = ctx.context.newSession?.session.token;
  if (token) await ctx.context.internalAdapter.deleteSession(token);
  ctx.setCookie(ctx.context.authCookies.sessionToken.name, '', {
    ...ctx.context.authCookies.sessionToken.attributes,
    maxAge: 0,
  });
  throw new APIError('SERVICE_UNAVAILABLE', { code: 'AUDIT_UNAVAILABLE', message: AUDIT_UNAVAILABLE_SIGN_IN });
}

function reasonOf(code: unknown): string {
  switch (code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return 'invalid_credentials';
    case 'ACCOUNT_DEACTIVATED':
      return 'deactivated';
    case 'INVALID_CODE':
    case 'INVALID_BACKUP_CODE':
      return 'invalid_code';
    case 'INVALID_TWO_FACTOR_COOKIE':
      return 'challenge_expired';
    default:
      return typeof code === 'string' ? code.toLowerCase() : 'unknown';
  }
}

/**
 * The request's session, if it is still alive. An idle, expired or deactivated one is deleted here,
 * before any endpoint reads it; a live one has its activity recorded.
 */
async function checkSession(ctx: HookContext, deps: HookDeps): Promise<LiveSession | null> {
  const cookieName = ctx.context.authCookies.sessionToken.name;
  const token = await ctx.getSignedCookie(cookieName, ctx.context.secret);
  if (!token) return null;
  return loadLiveSession(deps.db, token, deps.policy, deps.now());
}

/** The account a pending second-factor challenge belongs to (from the plugin's signed cookie). */
async function challengeUser(ctx: HookContext, db: Db): Promise<{ id: string; email: string } | null> {
  const cookie = ctx.context.createAuthCookie('two_factor');
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const verification = await ctx.context.internalAdapter.findVerificationValue(identifier);
  if (!verification) return null;
  const [user] = await db
    .select({ id: authUsers.id, email: authUsers.email })
    .from(authUsers)
    .where(eq(authUsers.id, verification.value))
    .limit(1);
  return user ?? null;
}

/** How long an accepted TOTP code stays refused: the ±1 step window better-auth accepts, and more. */
const USED_CODE_MS = 120_000;

const usedCodeIdentifier = (userId: string, code: string) =>
  `totp-used:${createHash('sha256').update(`${userId}:${code}`).digest('base64url')}`;

/** RFC 6238 §5.2: an accepted code is not accepted again, so an observed code cannot be replayed. */
async function refuseReusedCode(
  ctx: HookContext,
  deps: HookDeps,
  note: RequestNote,
  userId: string,
  email: string,
  ip: string | null,
): Promise<void> {
  const typed = (ctx.body as { code?: unknown } | undefined)?.code;
  const code = typeof typed === 'string' ? typed.trim() : '';
  if (!/^\d{6}$/.test(code)) return;
  note.totp = { userId, code };
  const [used] = await deps.db
    .select({ id: authVerifications.id })
    .from(authVerifications)
    .where(
      and(
        eq(authVerifications.identifier, usedCodeIdentifier(userId, code)),
        gt(authVerifications.expiresAt, deps.now()),
      ),
    )
    .limit(1);
  if (!used) return;
  await recordAuthEvent(deps.db, {
    action: note.session ? 'account.two_factor' : 'sign_in',
    result: 'failure',
    userId,
    email,
    ip,
    details: { reason: 'code_reused', method: 'totp' },
  });
  throw new APIError('UNAUTHORIZED', {
    code: 'CODE_REUSED',
    message: '이미 사용한 인증 코드입니다. 인증 앱에 새 코드가 나오면 그 코드를 입력하세요.',
  });
}

async function rememberUsedCode(deps: HookDeps, totp: { userId: string; code: string }): Promise<void> {
  const now = deps.now();
  await deps.db
    .delete(authVerifications)
    .where(and(like(authVerifications.identifier, 'totp-used:%'), lt(authVerifications.expiresAt, now)));
  await deps.db.insert(authVerifications).values({
    id: randomBytes(16).toString('hex'),
    identifier: usedCodeIdentifier(totp.userId, totp.code),
    value: 'used',
    expiresAt: new Date(now.getTime() + USED_CODE_MS),
    createdAt: now,
    updatedAt: now,
  });
}
