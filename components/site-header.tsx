import Link from 'next/link';

export function SiteHeader({ mode }: { mode: 'sandbox' | 'live' }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/keys/new" className="text-lg font-bold text-slate-900">
          빌링키 콘솔
        </Link>
        <nav aria-label="주 메뉴">
          <ul className="flex items-center gap-4 text-sm">
            <li>
              <Link href="/keys/new" className="text-blue-700 underline-offset-4 hover:underline">
                빌링키 발급
              </Link>
            </li>
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
      </div>
    </header>
  );
}
