import { requirePageActor } from '@/lib/auth/session';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/lib/db';
import { listBillingKeyFacets, listBillingKeys } from '@/lib/billing-keys/list';
import {
  DEFAULT_FILTERS,
  filtersToSearchParams,
  normalizeQuery,
  parseBillingKeyFilters,
  type BillingKeyFilters,
} from '@/lib/validations/billing-key-filters';
import { FilterForm } from './_components/filter-form';
import { exportHref, keysHref } from './_components/keys-href';
import { Pagination } from './_components/pagination';
import { ResultsTable } from './_components/results-table';

export const metadata: Metadata = { title: '빌링키 목록' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** True when anything but sort and paging narrows the list. */
const isFiltered = (filters: BillingKeyFilters) =>
  filtersToSearchParams(filters, {
    sort: DEFAULT_FILTERS.sort,
    order: DEFAULT_FILTERS.order,
    page: 1,
    page_size: DEFAULT_FILTERS.page_size,
  }).toString() !== '';

export default async function BillingKeysPage({ searchParams }: Props) {
  await requirePageActor('keys.view', '/keys');
  const raw = await searchParams;
  const parsed = parseBillingKeyFilters(raw);
  const db = await getDb();
  const [facets, result] = await Promise.all([
    listBillingKeyFacets(db),
    parsed.success ? listBillingKeys(db, parsed.filters) : null,
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">빌링키 목록</h1>
          <p className="mt-1 text-sm text-slate-700">
            이 콘솔이 발급해 저장한 모든 빌링키입니다. 삭제된 키도 &lsquo;삭제됨&rsquo;으로 표시됩니다. 카드번호는
            마스킹된 값만 있습니다.
          </p>
        </div>
        <Link
          href="/keys/new"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          새 빌링키 발급
        </Link>
      </div>

      <FilterForm values={normalizeQuery(raw)} errors={parsed.success ? {} : parsed.fields} facets={facets} />

      {!parsed.success && (
        <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-950">
          <p className="font-semibold">조회 조건이 올바르지 않아 목록을 불러오지 않았습니다.</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(parsed.fields).map(([name, message]) => (
              <li key={name}>{message}</li>
            ))}
          </ul>
          <p className="mt-2">
            <Link href="/keys" className="text-blue-800 underline">
              조건을 모두 지우고 다시 보기
            </Link>
          </p>
        </div>
      )}

      {parsed.success && result && (
        <section aria-labelledby="results-title" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="results-title" className="text-lg font-bold">
              검색 결과{' '}
              <span className="text-base font-normal text-slate-700">
                총 {result.total.toLocaleString('ko-KR')}
                {result.totalCapped ? '+' : ''}건
              </span>
            </h2>
            <a
              href={exportHref(parsed.filters)}
              download
              className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-slate-100"
            >
              CSV 내보내기
            </a>
          </div>
          {result.rows.length === 0 ? (
            <div className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-800">
              {result.total > 0 ? (
                <p>
                  이 페이지에는 결과가 없습니다.{' '}
                  <Link href={keysHref(parsed.filters, { page: 1 })} className="text-blue-800 underline">
                    첫 페이지로
                  </Link>
                </p>
              ) : isFiltered(parsed.filters) ? (
                <p>
                  조건에 맞는 빌링키가 없습니다.{' '}
                  <Link href="/keys" className="text-blue-800 underline">
                    조건 지우기
                  </Link>
                </p>
              ) : (
                <p>
                  아직 저장된 빌링키가 없습니다.{' '}
                  <Link href="/keys/new" className="text-blue-800 underline">
                    빌링키 발급
                  </Link>
                </p>
              )}
            </div>
          ) : (
            <ResultsTable rows={result.rows} filters={parsed.filters} />
          )}
          {result.total > 0 && (
            <Pagination
              filters={parsed.filters}
              total={result.total}
              totalCapped={result.totalCapped}
              rowsOnPage={result.rows.length}
            />
          )}
        </section>
      )}
    </div>
  );
}
