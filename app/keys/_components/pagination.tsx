import Link from 'next/link';
import type { BillingKeyFilters } from '@/lib/validations/billing-key-filters';
import { keysHref } from './keys-href';

const linkClass =
  'rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium text-blue-800 hover:bg-slate-100';
const disabledClass = 'rounded-md border border-slate-200 bg-slate-100 px-3 py-1.5 text-slate-600';

/** "이전 · N / M 페이지 · 다음" as links, so paging works by keyboard and survives a reload. */
export function Pagination({
  filters,
  total,
  totalCapped,
  rowsOnPage,
}: {
  filters: BillingKeyFilters;
  total: number;
  /** The count stopped at its cap: there may be more pages than `total` shows. */
  totalCapped: boolean;
  rowsOnPage: number;
}) {
  const pages = Math.max(1, Math.ceil(total / filters.page_size));
  const page = filters.page;
  const previous = page > 1 ? (totalCapped ? page - 1 : Math.min(page - 1, pages)) : null;
  const next = page < pages || (totalCapped && rowsOnPage === filters.page_size) ? page + 1 : null;
  return (
    <nav aria-label="페이지 이동" className="flex flex-wrap items-center gap-3 text-sm">
      {previous ? (
        <Link href={keysHref(filters, { page: previous })} className={linkClass} rel="prev">
          이전
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          이전
        </span>
      )}
      <span aria-current="page">
        {page.toLocaleString('ko-KR')} / {pages.toLocaleString('ko-KR')}
        {totalCapped ? '+' : ''} 페이지
      </span>
      {next ? (
        <Link href={keysHref(filters, { page: next })} className={linkClass} rel="next">
          다음
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          다음
        </span>
      )}
    </nav>
  );
}
