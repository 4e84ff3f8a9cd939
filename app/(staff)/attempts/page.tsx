import type { Metadata } from 'next';
import { AttemptsTable } from '@/components/attempts-table';
import { listQueryView, type ListSpec } from '@/components/list/list-query';
import { ListScaffold, type ActiveFilter } from '@/components/list/list-scaffold';
import { EmptyState } from '@/components/ui/empty-state';
import { Pager } from '@/components/ui/pager';
import { can } from '@/lib/auth/permissions';
import { pageContext, requirePageActor } from '@/lib/auth/session';
import { listAttempts, parseAttemptsQuery } from '@/lib/billing-keys/attempts';
import {
  ATTEMPT_FILTER_LABELS,
  ATTEMPT_OUTCOME_LABELS,
  searchParamsObject,
  type AttemptOutcomeFilter,
  type AttemptsQueryInput,
} from '@/lib/validations/attempts';
import { AttemptFilters } from './_components/attempt-filters';

export const metadata: Metadata = { title: '발급 시도' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_NAMES = ['outcome', 'pg_provider', 'pg_id', 'pg_code', 'customer_uid', 'from', 'to', 'limit'] as const;

/** Links keep the filters as typed (minus the page position). */
function filtersOf(raw: Record<string, string>): AttemptsQueryInput {
  const filters: AttemptsQueryInput = {};
  for (const name of FILTER_NAMES) {
    const value = raw[name]?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

const hrefWith = (filters: AttemptsQueryInput, extra: Record<string, string> = {}) => {
  const query = new URLSearchParams({ ...filters, ...extra } as Record<string, string>).toString();
  return query ? `/attempts?${query}` : '/attempts';
};

function activeFiltersOf(filters: AttemptsQueryInput): ActiveFilter[] {
  return FILTER_NAMES.filter((name) => name !== 'limit' && filters[name]).map((name) => {
    const value = filters[name] as string;
    const rest = { ...filters };
    delete rest[name];
    return {
      name,
      label: ATTEMPT_FILTER_LABELS[name],
      value: name === 'outcome' ? (ATTEMPT_OUTCOME_LABELS[value as AttemptOutcomeFilter] ?? value) : value,
      removeHref: hrefWith(rest),
    };
  });
}

const LIST: ListSpec = {
  path: '/attempts',
  searchName: 'customer_uid',
  invalidTitle: '검색 조건이 올바르지 않아 조회하지 않았습니다.',
};

export default async function AttemptsPage({ searchParams }: Props) {
  const actor = await requirePageActor(['attempts.view', 'attempts.view.own'], '/attempts');
  const raw = searchParamsObject(await searchParams);
  const filters = filtersOf(raw);
  const parsed = parseAttemptsQuery(raw);
  const page = parsed.ok ? await listAttempts(parsed.query, await pageContext(actor)) : null;
  const filtered = Object.keys(filters).some((name) => name !== 'limit');
  const list = listQueryView(
    LIST,
    filters,
    parsed.ok ? { active: activeFiltersOf(filters) } : { fields: parsed.fields },
  );

  return (
    <ListScaffold
      title="발급 시도"
      description={`${can(actor.role, 'attempts.view') ? '콘솔에서 보낸 모든' : '내가 보낸'} 빌링키 발급 요청과 그 결과입니다 (최신 순). 카드 정보는 기록되지 않습니다.`}
      filterBar={<AttemptFilters key={list.key} {...list.filters} />}
      {...list.scaffold}
      results={
        page && {
          heading: raw.cursor ? '검색 결과 (다음 페이지)' : '검색 결과',
          empty:
            page.attempts.length > 0 ? undefined : (
              <EmptyState action={filtered ? { href: '/attempts', label: '조건 지우기' } : undefined}>
                {filtered ? '조건에 맞는 발급 시도가 없습니다.' : '아직 발급 시도가 없습니다.'}
              </EmptyState>
            ),
          table: <AttemptsTable attempts={page.attempts} caption="발급 시도 목록, 최신 순" />,
          pager:
            raw.cursor || page.nextCursor ? (
              <Pager
                first={raw.cursor ? hrefWith(filters) : null}
                next={page.nextCursor ? hrefWith(filters, { cursor: page.nextCursor }) : null}
                nextLabel="다음 페이지 (이전 시도)"
              />
            ) : null,
        }
      }
    />
  );
}
