import type { Metadata } from 'next';
import { listQueryView, type ListSpec } from '@/components/list/list-query';
import { ListScaffold, type ActiveFilter } from '@/components/list/list-scaffold';
import { EmptyState } from '@/components/ui/empty-state';
import { Pager } from '@/components/ui/pager';
import { listAuditTrail } from '@/lib/audit/query';
import { requirePageActor } from '@/lib/auth/session';
import {
  AUDIT_FILTER_PARAMS,
  AUDIT_PARAM_LABELS,
  AUDIT_RESULT_LABELS,
  auditActionLabel,
  auditFiltersOf,
  normalizeAuditQuery,
  parseAuditQuery,
  type AuditFilters as Filters,
  type AuditResult,
} from '@/lib/validations/audit';
import { AuditFilters } from './_components/audit-filters';
import { auditExportHref, auditHref } from './_components/audit-href';
import { AuditTable } from '@/components/audit-table';

export const metadata: Metadata = { title: '감사 기록' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function activeFiltersOf(filters: Filters, limit: number): ActiveFilter[] {
  return AUDIT_FILTER_PARAMS.flatMap((param) => {
    const value = filters[param];
    if (!value) return [];
    const rest = { ...filters, [param]: undefined };
    const shown =
      param === 'action'
        ? auditActionLabel(value)
        : param === 'result'
          ? AUDIT_RESULT_LABELS[value as AuditResult]
          : value;
    return [{ name: param, label: AUDIT_PARAM_LABELS[param], value: shown, removeHref: auditHref(rest, { limit }) }];
  });
}

const LIST: ListSpec = {
  path: '/audit',
  searchName: 'target',
  invalidTitle: '조회 조건이 올바르지 않아 기록을 불러오지 않았습니다.',
};

export default async function AuditPage({ searchParams }: Props) {
  await requirePageActor('audit.view', '/audit');
  const raw = await searchParams;
  const parsed = parseAuditQuery(raw);
  const page = parsed.success ? await listAuditTrail(parsed.query) : null;
  const filters = parsed.success ? auditFiltersOf(parsed.query) : {};
  const filtered = Object.keys(filters).length > 0;
  const list = listQueryView(
    LIST,
    normalizeAuditQuery(raw),
    parsed.success ? { active: activeFiltersOf(filters, parsed.query.limit) } : { fields: parsed.fields },
  );

  return (
    <ListScaffold
      title="감사 기록"
      description="로그인, 빌링키 발급·교체·조회·삭제, 내보내기, 직원과 설정 변경의 기록입니다 (최신 순). 카드 정보는 마스킹된 값만 있습니다."
      filterBar={<AuditFilters key={list.key} {...list.filters} />}
      {...list.scaffold}
      results={
        parsed.success && page
          ? {
              heading: parsed.query.cursor ? '검색 결과 (이어서)' : '검색 결과',
              csvHref: auditExportHref(filters),
              empty:
                page.events.length > 0 ? undefined : parsed.query.cursor ? (
                  <EmptyState
                    action={{ href: auditHref(filters, { limit: parsed.query.limit }), label: '첫 페이지로' }}
                  >
                    이 페이지에는 기록이 없습니다.
                  </EmptyState>
                ) : filtered ? (
                  <EmptyState action={{ href: '/audit', label: '조건 지우기' }}>
                    조건에 맞는 기록이 없습니다.
                  </EmptyState>
                ) : (
                  <EmptyState>아직 기록이 없습니다.</EmptyState>
                ),
              table: (
                <AuditTable
                  events={page.events}
                  caption="감사 기록, 최신 순"
                  label="감사 기록 표"
                  trailHref={auditHref}
                />
              ),
              pager: (
                <Pager
                  prev={
                    page.prevCursor ? auditHref(filters, { limit: parsed.query.limit, cursor: page.prevCursor }) : null
                  }
                  next={
                    page.nextCursor ? auditHref(filters, { limit: parsed.query.limit, cursor: page.nextCursor }) : null
                  }
                  prevLabel={
                    <>
                      이전<span className="sr-only"> (더 최근 기록)</span>
                    </>
                  }
                  nextLabel={
                    <>
                      다음<span className="sr-only"> (더 오래된 기록)</span>
                    </>
                  }
                />
              ),
            }
          : null
      }
    />
  );
}
