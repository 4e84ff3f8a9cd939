import Link from 'next/link';
import type { AuditFilters } from '@/lib/validations/audit';
import { auditHref } from './audit-href';

const linkClass =
  'rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium text-blue-800 hover:bg-slate-100';
const disabledClass = 'rounded-md border border-slate-200 bg-slate-100 px-3 py-1.5 text-slate-600';

/** "이전 · 다음" as links (newer · older events), so paging works by keyboard and survives a reload. */
export function AuditPagination({
  filters,
  limit,
  prevCursor,
  nextCursor,
}: {
  filters: AuditFilters;
  limit: number;
  prevCursor: string | null;
  nextCursor: string | null;
}) {
  return (
    <nav aria-label="페이지 이동" className="flex flex-wrap items-center gap-3 text-sm">
      {prevCursor ? (
        <Link href={auditHref(filters, { limit, cursor: prevCursor })} className={linkClass} rel="prev">
          이전<span className="sr-only"> (더 최근 기록)</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          이전
        </span>
      )}
      {nextCursor ? (
        <Link href={auditHref(filters, { limit, cursor: nextCursor })} className={linkClass} rel="next">
          다음<span className="sr-only"> (더 오래된 기록)</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          다음
        </span>
      )}
    </nav>
  );
}
