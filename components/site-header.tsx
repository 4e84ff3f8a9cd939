import Link from 'next/link';
import { UserMenu } from './user-menu';

const NAV_LINKS = [
  { href: '/keys/new', label: '빌링키 발급' },
  { href: '/keys', label: '빌링키 목록' },
  { href: '/attempts', label: '발급 시도' },
  { href: '/reconcile', label: 'Iamport 대조' },
] as const;

export function SiteHeader({ mode }: { mode: 'sandbox' | 'live' }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/keys/new" className="text-lg font-bold text-slate-900">
          빌링키 콘솔
        </Link>
        <nav aria-label="주 메뉴">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            {NAV_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-blue-700 underline-offset-4 hover:underline">
                  {link.label}
                </Link>
              </li>
            ))}
            <li>
              <span
                className={
                  mode === 'live'
                    ? 'rounded bg-red-700 px-2 py-0.5 text-xs font-bold text-white'
                    : 'rounded bg-amber-900 px-2 py-0.5 text-xs font-bold text-white'
                }
              >
                {mode === 'live' ? 'LIVE · 실제 Iamport' : 'SANDBOX'}
              </span>
            </li>
          </ul>
        </nav>
        <UserMenu />
      </div>
    </header>
  );
}
