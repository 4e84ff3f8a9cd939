import type { Metadata } from 'next';
import Link from 'next/link';
import { listQueryView, type ListSpec } from '@/components/list/list-query';
import { ListScaffold, type ActiveFilter } from '@/components/list/list-scaffold';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pager } from '@/components/ui/pager';
import { requirePageActor } from '@/lib/auth/session';
import { listBillingKeyFacets, listBillingKeys, type BillingKeyFacets } from '@/lib/billing-keys/list';
import { pgDisplayName } from '@/lib/gateways/catalog';
import {
  CARD_TYPE_FILTER_LABELS,
  DEFAULT_FILTERS,
  ENV_FILTER_LABELS,
  PARAM_LABELS,
  STATUS_FILTER_LABELS,
  filtersToSearchParams,
  normalizeQuery,
  parseBillingKeyFilters,
  type BillingKeyFilters,
} from '@/lib/validations/billing-key-filters';
import { FilterForm } from '../_components/filter-form';
import { exportHref, keysHref } from '../_components/keys-href';
import { ResultsTable } from '../_components/results-table';

export const metadata: Metadata = { title: '빌링키 목록' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const CHIP_PARAMS = ['q', 'pg', 'mid', 'card', 'card_type', 'env', 'status', 'issued_by', 'from', 'to'] as const;

/** The filters set, as chips that remove themselves; values as people read them. */
function activeFiltersOf(filters: BillingKeyFilters, facets: BillingKeyFacets): ActiveFilter[] {
  const valueOf = (param: (typeof CHIP_PARAMS)[number], value: string): string => {
    switch (param) {
      case 'pg':
        return pgDisplayName(value);
      case 'card':
        return facets.cards.find((card) => card.code === value)?.name ?? value;
      case 'card_type':
        return CARD_TYPE_FILTER_LABELS[value as keyof typeof CARD_TYPE_FILTER_LABELS];
      case 'env':
        return ENV_FILTER_LABELS[value as keyof typeof ENV_FILTER_LABELS];
      case 'status':
        return STATUS_FILTER_LABELS[value as keyof typeof STATUS_FILTER_LABELS];
      case 'issued_by':
        return facets.issuers.find((issuer) => issuer.id === value)?.email ?? value;
      default:
        return value;
    }
  };
  return CHIP_PARAMS.flatMap((param) => {
    const value = filters[param];
    if (!value) return [];
    return [
      {
        name: param,
        label: PARAM_LABELS[param],
        value: valueOf(param, value),
        removeHref: keysHref(filters, { [param]: undefined, page: 1 }),
      },
    ];
  });
}

/** True when anything but sort and paging narrows the list. */
const isFiltered = (filters: BillingKeyFilters) =>
  filtersToSearchParams(filters, {
    sort: DEFAULT_FILTERS.sort,
    order: DEFAULT_FILTERS.order,
    page: 1,
    page_size: DEFAULT_FILTERS.page_size,
  }).toString() !== '';

const LIST: ListSpec = {
  path: '/keys',
  searchName: 'q',
  invalidTitle: '조회 조건이 올바르지 않아 목록을 불러오지 않았습니다.',
};

export default async function BillingKeysPage({ searchParams }: Props) {
  await requirePageActor('keys.view', '/keys');
  const raw = await searchParams;
  const parsed = parseBillingKeyFilters(raw);
  const [facets, result] = await Promise.all([
    listBillingKeyFacets(),
    parsed.success ? listBillingKeys(parsed.filters) : null,
  ]);
  const list = listQueryView(
    LIST,
    normalizeQuery(raw),
    parsed.success ? { active: activeFiltersOf(parsed.filters, facets) } : { fields: parsed.fields },
  );

  let results = null;
  if (parsed.success && result) {
    const { filters } = parsed;
    const pages = Math.max(1, Math.ceil(result.total / filters.page_size));
    const previous =
      filters.page > 1 ? (result.totalCapped ? filters.page - 1 : Math.min(filters.page - 1, pages)) : null;
    const next =
      filters.page < pages || (result.totalCapped && result.rows.length === filters.page_size)
        ? filters.page + 1
        : null;
    results = {
      heading: (
        <>
          검색 결과{' '}
          <span className="text-base font-normal text-slate-700">
            총 {result.total.toLocaleString('ko-KR')}
            {result.totalCapped ? '+' : ''}건
          </span>
        </>
      ),
      csvHref: exportHref(filters),
      empty:
        result.rows.length > 0 ? undefined : result.total > 0 ? (
          <EmptyState action={{ href: keysHref(filters, { page: 1 }), label: '첫 페이지로' }}>
            이 페이지에는 결과가 없습니다.
          </EmptyState>
        ) : isFiltered(filters) ? (
          <EmptyState action={{ href: '/keys', label: '조건 지우기' }}>조건에 맞는 빌링키가 없습니다.</EmptyState>
        ) : (
          <EmptyState action={{ href: '/keys/new', label: '빌링키 발급' }}>아직 저장된 빌링키가 없습니다.</EmptyState>
        ),
      table: <ResultsTable rows={result.rows} filters={filters} />,
      pager:
        result.total > 0 ? (
          <Pager
            prev={previous ? keysHref(filters, { page: previous }) : null}
            next={next ? keysHref(filters, { page: next }) : null}
            position={`${filters.page.toLocaleString('ko-KR')} / ${pages.toLocaleString('ko-KR')}${result.totalCapped ? '+' : ''} 페이지`}
          />
        ) : null,
    };
  }

  return (
    <ListScaffold
      title="빌링키 목록"
      description="이 콘솔이 발급해 저장한 모든 빌링키입니다. 삭제된 키도 ‘삭제됨’으로 표시됩니다. 카드번호는 마스킹된 값만 있습니다."
      actions={
        <Button asChild>
          <Link href="/keys/new">새 빌링키 발급</Link>
        </Button>
      }
      filterBar={<FilterForm key={list.key} {...list.filters} facets={facets} />}
      {...list.scaffold}
      results={results}
    />
  );
}
