import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from './button';

const disabled =
  'inline-flex h-8 items-center rounded-md border border-slate-200 bg-slate-100 px-3 text-sm text-slate-600';

function Step({ href, rel, children }: { href: string | null; rel: 'prev' | 'next'; children: ReactNode }) {
  if (!href) {
    return (
      <span aria-disabled="true" className={disabled}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
      {children}
    </Link>
  );
}

/**
 * "이전 · where · 다음" as links, so paging works by keyboard and survives a reload. Offset lists
 * say "N / M 페이지"; cursor lists have no page count and may offer a link back to the first page.
 */
export function Pager({
  prev,
  next,
  first,
  position,
  prevLabel = '이전',
  nextLabel = '다음',
  firstLabel = '첫 페이지',
}: {
  prev?: string | null;
  next?: string | null;
  first?: string | null;
  position?: ReactNode;
  prevLabel?: ReactNode;
  nextLabel?: ReactNode;
  firstLabel?: ReactNode;
}) {
  return (
    <nav aria-label="페이지 이동" className="flex flex-wrap items-center gap-3 text-sm">
      {first && (
        <Link href={first} className={buttonVariants({ variant: 'link', size: 'sm' })}>
          {firstLabel}
        </Link>
      )}
      {prev !== undefined && (
        <Step href={prev} rel="prev">
          {prevLabel}
        </Step>
      )}
      {position && <span aria-current="page">{position}</span>}
      {next !== undefined && (
        <Step href={next} rel="next">
          {nextLabel}
        </Step>
      )}
    </nav>
  );
}
