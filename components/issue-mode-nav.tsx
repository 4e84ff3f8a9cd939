import Link from 'next/link';
import { cn } from '@/components/ui/cn';

/** "Type it myself" or "send a link": the two ways to register a card. */
export function IssueModeNav({ current }: { current: 'self' | 'link' }) {
  const item = (active: boolean) =>
    cn(
      'rounded-md px-3 py-2 text-sm font-semibold',
      active ? 'bg-blue-700 text-white' : 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
    );
  return (
    <nav aria-label="등록 방법" className="flex flex-wrap gap-2">
      <Link
        href="/keys/new"
        className={item(current === 'self')}
        aria-current={current === 'self' ? 'page' : undefined}
      >
        직접 입력
      </Link>
      <Link
        href="/links/new"
        className={item(current === 'link')}
        aria-current={current === 'link' ? 'page' : undefined}
      >
        링크 보내기
      </Link>
    </nav>
  );
}
