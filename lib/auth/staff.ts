import 'server-only';
import { signedIn } from '@/lib/request-context';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { authAccounts, authSessions, authUsers, type AuthUserRow } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { passwordProblem } from '@/lib/validations/auth';
import { getAuthRuntime, type Auth } from './auth';
import type { AuthDeps } from './account';
import type { RequestContext } from '@/lib/model/staff';
import { recordAudit, type AuditInput } from '@/lib/audit';
import { type Role } from '@/lib/validations/auth';

/** A staff account as the API and the staff page show it. */
export interface StaffView {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  deactivatedAt: string | null;
  twoFactorEnabled: boolean;
  createdAt: string;
}

/** The audit event of a staff change, written in the change's own transaction: both or neither. */
export interface StaffAudit {
  context: RequestContext;
  event: (staff: StaffView) => AuditInput;
}

export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  password: string;
}

interface StaffDeps {
  auth: Auth;
  db: Db;
}

/** Serialises account creation, so two /setup requests cannot both create "the first" admin. */
const CREATE_LOCK_ID = 724_100_918;

export function toStaffView(row: AuthUserRow): StaffView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.deactivatedAt === null,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    twoFactorEnabled: row.twoFactorEnabled,
    createdAt: row.createdAt.toISOString(),
  };
}

export const listStaff = defineUseCase(async ({ db }: Resolved): Promise<StaffView[]> => {
  const rows = await db.select().from(authUsers).orderBy(asc(authUsers.email));
  return rows.map(toStaffView);
});

export async function findStaffByEmail(db: Db, email: string): Promise<StaffView | null> {
  const [row] = await db.select().from(authUsers).where(eq(authUsers.email, email.trim().toLowerCase())).limit(1);
  return row ? toStaffView(row) : null;
}

/** True once any admin account exists (even deactivated): /setup is then closed for good. */
export const adminExists = defineUseCase(async ({ db }: Resolved): Promise<boolean> => {
  const [row] = await db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.role, 'admin')).limit(1);
  return Boolean(row);
});

function refusePassword(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem)
    throw new AppError('validation_failed', `입력값을 확인하세요. ${problem}`, { fields: { [field]: problem } });
}

const emailTaken = () =>
  new AppError('validation_failed', '이미 등록된 이메일입니다.', { fields: { email: '이미 등록된 이메일입니다.' } });

/** Where an account is created: the first-run setup page, `npm run user:create`, or an admin's staff page. */
export type StaffCreatedVia = 'setup' | 'cli' | 'staff-page';

/**
 * Creates a staff account with its `staff.create` audit event, both or neither. From `setup` only
 * while no admin exists (the first admin); the staff page's events carry no `via`.
 */
export async function createStaffAccount(
  input: NewStaff,
  via: StaffCreatedVia,
  context: RequestContext,
  deps: AuthDeps = {},
): Promise<StaffView> {
  const runtime = deps.auth ?? (await getAuthRuntime());
  return insertStaffAccount(runtime, input, {
    firstAdmin: via === 'setup',
    audit: {
      context,
      event: (created) => ({
        action: 'staff.create',
        result: 'success',
        targetType: 'staff',
        targetId: created.id,
        details: { ...(via === 'staff-page' ? {} : { via }), email: created.email, role: created.role },
      }),
    },
  });
}

/**
 * Writes an account with a password (scrypt, as better-auth verifies it). With `firstAdmin`, only
 * while no admin exists: the check and the insert share one locked transaction.
 */
export async function insertStaffAccount(
  { auth, db }: StaffDeps,
  input: NewStaff,
  options: { firstAdmin?: boolean; audit?: StaffAudit } = {},
): Promise<StaffView> {
  const email = input.email.trim().toLowerCase();
  refusePassword(input.password, email);
  const context = await auth.$context;
  const hash = await context.password.hash(input.password);
  const id = randomBytes(16).toString('hex');
  const now = new Date();
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CREATE_LOCK_ID})`);
    if (options.firstAdmin && (await adminExists({ db: tx as unknown as Db }))) {
      throw new AppError('forbidden', '이미 관리자 계정이 있습니다. 로그인하세요.');
    }
    const [existing] = await tx.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email)).limit(1);
    if (existing) throw emailTaken();
    const [user] = await tx
      .insert(authUsers)
      .values({
        id,
        email,
        name: input.name.trim(),
        role: input.role,
        emailVerified: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(authAccounts).values({
      id: randomBytes(16).toString('hex'),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: hash,
      createdAt: now,
      updatedAt: now,
    });
    if (user && options.audit) {
      await recordAudit(tx as unknown as Db, options.audit.context, options.audit.event(toStaffView(user)));
    }
    return user;
  });
  if (!row) throw new Error('staff insert returned no row');
  return toStaffView(row);
}

/**
 * The CLI's `--update`: new password and role, account active again, every session ended. The
 * recovery path for a locked-out admin, so it bypasses the last-admin rule.
 */
export async function resetStaffAccount(
  { auth, db }: StaffDeps,
  userId: string,
  change: { password: string; role: Role },
): Promise<StaffView> {
  const [user] = await db.select().from(authUsers).where(eq(authUsers.id, userId)).limit(1);
  if (!user) throw new AppError('not_found', '계정을 찾을 수 없습니다.');
  refusePassword(change.password, user.email);
  const hash = await (await auth.$context).password.hash(change.password);
  const now = new Date();
  const updated = await db.transaction(async (tx) => {
    const [credential] = await tx
      .update(authAccounts)
      .set({ password: hash, updatedAt: now })
      .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, 'credential')))
      .returning({ id: authAccounts.id });
    if (!credential) {
      await tx.insert(authAccounts).values({
        id: randomBytes(16).toString('hex'),
        accountId: userId,
        providerId: 'credential',
        userId,
        password: hash,
        createdAt: now,
        updatedAt: now,
      });
    }
    const [row] = await tx
      .update(authUsers)
      .set({ role: change.role, deactivatedAt: null, updatedAt: now })
      .where(eq(authUsers.id, userId))
      .returning();
    await tx.delete(authSessions).where(eq(authSessions.userId, userId));
    return row;
  });
  if (!updated) throw new AppError('not_found', '계정을 찾을 수 없습니다.');
  return toStaffView(updated);
}

export interface StaffChange {
  role?: Role;
  active?: boolean;
}

/**
 * Changes a role or deactivates/reactivates. Deactivation ends every session at once. An admin
 * cannot lock themselves out, and the last active admin cannot be demoted or deactivated.
 */
export const updateStaffAccount = defineUseCase(
  async (
    userId: string,
    change: StaffChange,
    context: RequestContext,
    { db }: Resolved,
  ): Promise<{ before: StaffView; after: StaffView }> => {
    const actor = signedIn(context);
    const [row] = await db.select().from(authUsers).where(eq(authUsers.id, userId)).limit(1);
    if (!row) throw new AppError('not_found', '계정을 찾을 수 없습니다.');
    const before = toStaffView(row);
    const demoting = change.role !== undefined && change.role !== 'admin' && row.role === 'admin';
    const deactivating = change.active === false && before.active;
    if (userId === actor.id && (demoting || deactivating)) {
      throw new AppError(
        'forbidden',
        '자기 자신의 관리자 권한을 없애거나 계정을 비활성화할 수 없습니다. 다른 관리자에게 요청하세요.',
      );
    }
    if ((demoting || deactivating) && row.role === 'admin' && before.active) {
      const [others] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(authUsers)
        .where(and(eq(authUsers.role, 'admin'), isNull(authUsers.deactivatedAt), ne(authUsers.id, userId)));
      if ((others?.count ?? 0) === 0) {
        throw new AppError(
          'forbidden',
          '마지막 관리자는 역할을 바꾸거나 비활성화할 수 없습니다. 먼저 다른 관리자를 만드세요.',
        );
      }
    }
    const now = new Date();
    // The change, the ended sessions and the audit event: all or none.
    const after = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(authUsers)
        .set({
          ...(change.role !== undefined ? { role: change.role } : {}),
          ...(change.active !== undefined ? { deactivatedAt: change.active ? null : (row.deactivatedAt ?? now) } : {}),
          updatedAt: now,
        })
        .where(eq(authUsers.id, userId))
        .returning();
      if (!updated) throw new AppError('not_found', '계정을 찾을 수 없습니다.');
      if (deactivating) await tx.delete(authSessions).where(eq(authSessions.userId, userId));
      const view = toStaffView(updated);
      await recordAudit(tx as unknown as Db, context, staffUpdateEvent(before, view));
      return view;
    });
    return { before, after };
  },
);

function staffUpdateEvent(before: StaffView, after: StaffView): AuditInput {
  return {
    action: 'staff.update',
    result: 'success',
    targetType: 'staff',
    targetId: after.id,
    details: {
      email: after.email,
      ...(before.role !== after.role ? { role: { from: before.role, to: after.role } } : {}),
      ...(before.active !== after.active ? { active: { from: before.active, to: after.active } } : {}),
    },
  };
}

/** Every session of the account, this one included (deactivation, "sign out everywhere"). */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const deleted = await db
    .delete(authSessions)
    .where(eq(authSessions.userId, userId))
    .returning({ id: authSessions.id });
  return deleted.length;
}
