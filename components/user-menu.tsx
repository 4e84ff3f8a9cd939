import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { can } from '@/lib/auth/permissions';
import { getPageAuthState, type AuthState } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/validations/auth';
import { SignOutButton } from './sign-out-button';

const linkClass = 'text-blue-700 underline-offset-4 hover:underline';

/**
 * Who is signed in (email, role) with links to their security settings, staff management for
 * admins, and sign-out, from `md` up (below it they are in the 메뉴). Renders nothing when nobody is
 * signed in or storage is unreachable.
 */
export async function UserMenu() {
  let state: AuthState | null = null;
  try {
    state = await getPageAuthState();
  } catch {
    return null;
  }
  if (!state) return null;
  return (
    <div
      aria-label="내 계정"
      role="group"
      className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm max-md:hidden"
    >
      <span className="max-w-56 truncate text-slate-800" title={state.actor.email}>
        <span className="sr-only">로그인한 계정: </span>
        {state.actor.email}
      </span>
      <Badge tone="slate">
        <span className="sr-only">역할: </span>
        {ROLE_LABELS[state.actor.role]}
      </Badge>
      {can(state.actor.role, 'staff.manage') && (
        <Link href="/settings/staff" className={linkClass}>
          직원 관리
        </Link>
      )}
      <Link href="/settings/security" className={linkClass}>
        보안 설정
      </Link>
      <SignOutButton size="sm" />
    </div>
  );
}
