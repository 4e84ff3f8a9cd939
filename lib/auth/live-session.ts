import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { authSessions, authUsers, settings } from '@/lib/db/schema';
import { sessionEnds, sessionVerdict, shouldTouch, type SessionPolicy } from './session-policy';
import { REQUIRE_TWO_FACTOR } from './settings';

/**
 * A session that may be used right now, with its account and the "2FA for everyone" setting: what
 * every signed-in request needs, read in one statement.
 */
export interface LiveSession {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: string | null;
  twoFactorEnabled: boolean;
  requireTwoFactor: boolean;
  /** When it ends without activity, and at the latest (sessionEnds). */
  idleEndsAt: Date;
  endsAt: Date;
}

/**
 * The token of a signed session cookie (`token.base64(HMAC-SHA256(secret, token))`, URI-encoded, as
 * better-auth writes it), or null when the cookie is missing or its signature is wrong.
 */
export function verifiedCookieToken(cookieHeader: string | null, cookieName: string, secret: string): string | null {
  if (!cookieHeader) return null;
  // The first cookie of that name, as better-call's getSignedCookie (better-auth's own endpoints) reads it.
  let raw: string | undefined;
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === cookieName) {
      raw = part.slice(at + 1).trim();
      break;
    }
  }
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const encoded = value.slice(dot + 1);
  // Only the one spelling better-call writes: standard base64 of 32 bytes (Node's decoder would also
  // take URL-safe letters, spaces and missing padding).
  if (!/^[A-Za-z0-9+/]{43}=$/.test(encoded)) return null;
  const signature = Buffer.from(encoded, 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

/**
 * The live session behind `token`, or null. A session that is idle, past its absolute lifetime or
 * whose account is deactivated is deleted, so no path (the app's or better-auth's own) can use it
 * again; activity moves `lastActiveAt` at most every `shouldTouch` interval.
 */
export async function loadLiveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now: Date,
): Promise<LiveSession | null> {
  const [row] = await db
    .select({
      id: authSessions.id,
      userId: authSessions.userId,
      createdAt: authSessions.createdAt,
      lastActiveAt: authSessions.lastActiveAt,
      expiresAt: authSessions.expiresAt,
      email: authUsers.email,
      name: authUsers.name,
      role: authUsers.role,
      deactivatedAt: authUsers.deactivatedAt,
      twoFactorEnabled: authUsers.twoFactorEnabled,
      requireTwoFactor: sql<unknown>`(select ${settings.value} from ${settings} where ${settings.key} = ${REQUIRE_TWO_FACTOR})`,
    })
    .from(authSessions)
    .innerJoin(authUsers, eq(authUsers.id, authSessions.userId))
    .where(eq(authSessions.token, token))
    .limit(1);
  if (!row) return null;
  const verdict = sessionVerdict(row, now, policy);
  if (verdict !== 'active' || row.deactivatedAt || row.expiresAt.getTime() <= now.getTime()) {
    await db.delete(authSessions).where(eq(authSessions.id, row.id));
    return null;
  }
  let lastActiveAt = row.lastActiveAt;
  if (shouldTouch(row.lastActiveAt, now, policy)) {
    await db.update(authSessions).set({ lastActiveAt: now }).where(eq(authSessions.id, row.id));
    lastActiveAt = now;
  }
  const ends = sessionEnds({ createdAt: row.createdAt, lastActiveAt, expiresAt: row.expiresAt }, policy);
  return {
    sessionId: row.id,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    twoFactorEnabled: row.twoFactorEnabled === true,
    requireTwoFactor: row.requireTwoFactor === true,
    ...ends,
  };
}
