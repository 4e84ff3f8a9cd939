import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { can, canAny, type Permission } from '@/lib/auth/permissions';
import { getPageAuthState } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/validations/auth';
import { SiteNav, type NavAccount, type NavLink } from './site-nav';
import { UserMenu } from './user-menu';

/** Each link shows only to roles that may open the page behind it; the less frequent ones fold into 관리. */
const NAV_LINKS: readonly (NavLink & { needs: readonly Permission[] })[] = [
  { href: '/keys/new', label: '빌링키 발급', needs: ['keys.issue', 'keys.issue.test_only'] },
  { href: '/keys', label: '빌링키 목록', needs: ['keys.view'] },
  { href: '/attempts', label: '발급 시도', needs: ['attempts.view', 'attempts.view.own'] },
  { href: '/links', label: '등록 링크', needs: ['links.view', 'links.view.own'] },
  { href: '/reconcile', label: 'Iamport 대조', needs: ['keys.view'] },
  { href: '/audit', label: '감사 기록', needs: ['audit.view'], group: '관리' },
  { href: '/qa', label: 'QA 실행', needs: ['qa.run'], group: '관리' },
  { href: '/settings/channels', label: '채널 설정', needs: ['settings.manage'], group: '관리' },
  { href: '/settings/links', label: '링크 설정', needs: ['settings.manage'], group: '관리' },
];

/**
 * Logo, main menu, mode and account, in one row from 1280 px and at 390 px (e2e/layout.spec.ts
 * measures both). Between, the menu takes a row of its own; below `md` it is one 메뉴 button that
 * also holds the account (components/site-nav.tsx).
 */
export async function SiteHeader({ mode }: { mode: 'sandbox' | 'live' }) {
  const state = await getPageAuthState().catch(() => null);
  const links = state
    ? NAV_LINKS.filter((link) => canAny(state.actor.role, link.needs)).map(({ href, label, group }) => ({
        href,
        label,
        group,
      }))
    : [];
  const account: NavAccount | undefined = state
    ? {
        email: state.actor.email,
        role: ROLE_LABELS[state.actor.role],
        links: [
          ...(can(state.actor.role, 'staff.manage') ? [{ href: '/settings/staff', label: '직원 관리' }] : []),
          { href: '/settings/security', label: '보안 설정' },
        ],
      }
    : undefined;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3">
        <Link href="/" className="shrink-0 text-lg font-bold text-slate-900">
          빌링키 콘솔
        </Link>
        <SiteNav links={links} account={account} />
        <Badge tone={mode === 'live' ? 'red' : 'amber'} solid>
          {mode === 'live' ? 'LIVE · 실제 Iamport' : 'SANDBOX'}
        </Badge>
        <UserMenu />
      </div>
    </header>
  );
}
