import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { canAny, type Permission } from '@/lib/auth/permissions';
import { getPageAuthState } from '@/lib/auth/session';
import { UserMenu } from './user-menu';

/** Each link shows only to roles that may open the page behind it. */
const NAV_LINKS: readonly { href: string; label: string; needs: readonly Permission[] }[] = [
  { href: '/keys/new', label: '빌링키 발급', needs: ['keys.issue', 'keys.issue.test_only'] },
  { href: '/keys', label: '빌링키 목록', needs: ['keys.view'] },
  { href: '/attempts', label: '발급 시도', needs: ['attempts.view', 'attempts.view.own'] },
  { href: '/links', label: '등록 링크', needs: ['links.view', 'links.view.own'] },
  { href: '/reconcile', label: 'Iamport 대조', needs: ['keys.view'] },
  { href: '/audit', label: '감사 기록', needs: ['audit.view'] },
  { href: '/qa', label: 'QA 실행', needs: ['qa.run'] },
  { href: '/settings/channels', label: '채널 설정', needs: ['settings.manage'] },
  { href: '/settings/links', label: '링크 설정', needs: ['settings.manage'] },
];

/**
 * Logo, main menu, mode and account. On a phone the menu is one row under the logo that scrolls
 * sideways inside itself, so the header stays two lines and the page never scrolls sideways.
 */
export async function SiteHeader({ mode }: { mode: 'sandbox' | 'live' }) {
  const state = await getPageAuthState().catch(() => null);
  const links = state ? NAV_LINKS.filter((link) => canAny(state.actor.role, link.needs)) : [];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="shrink-0 text-lg font-bold text-slate-900">
          빌링키 콘솔
        </Link>
        <nav
          aria-label="주 메뉴"
          className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-4 lg:order-none lg:mx-0 lg:w-auto lg:px-0"
        >
          <ul className="flex items-center gap-x-4 text-sm whitespace-nowrap">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-blue-700 underline-offset-4 hover:underline">
                  {link.label}
                </Link>
              </li>
            ))}
            <li>
              <Badge tone={mode === 'live' ? 'red' : 'amber'} solid>
                {mode === 'live' ? 'LIVE · 실제 Iamport' : 'SANDBOX'}
              </Badge>
            </li>
          </ul>
        </nav>
        <UserMenu />
      </div>
    </header>
  );
}
