import { requirePageActor } from '@/lib/auth/session';
import { seesAllAttempts } from '@/lib/billing-keys/scope';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AttemptsTable } from '@/components/attempts-table';
import { listAttempts, parseAttemptsQuery } from '@/lib/billing-keys/attempts';
import { searchParamsObject, type AttemptsQueryInput } from '@/lib/validations/attempts';
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

export default async function AttemptsPage({ searchParams }: Props) {
  const actor = await requirePageActor(['attempts.view', 'attempts.view.own'], '/attempts');
  const raw = searchParamsObject(await searchParams);
  const filters = filtersOf(raw);
  const parsed = parseAttemptsQuery(raw);
  const page = parsed.ok
    ? await listAttempts(parsed.query, { onlyActorId: seesAllAttempts(actor) ? undefined : actor.id })
    : null;
  const filtered = Object.keys(filters).some((name) => name !== 'limit');

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">발급 시도</h1>
        <p className="mt-1 text-sm text-slate-700">
          콘솔에서 보낸 모든 빌링키 발급 요청과 그 결과입니다 (최신 순). 카드 정보는 기록되지 않습니다.
        </p>
      </div>

      <AttemptFilters values={filters} errors={parsed.ok ? {} : parsed.fields} />

      {!parsed.ok && (
        <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-950">
          <p className="font-semibold">검색 조건이 올바르지 않아 조회하지 않았습니다.</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(parsed.fields).map(([name, message]) => (
              <li key={name}>{message}</li>
            ))}
          </ul>
        </div>
      )}

      {page && (
        <section aria-labelledby="results-title" className="space-y-3">
          <h2 id="results-title" className="text-lg font-bold">
            {raw.cursor ? '검색 결과 (다음 페이지)' : '검색 결과'}
          </h2>
          {page.attempts.length === 0 ? (
            <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-800">
              {filtered ? '조건에 맞는 발급 시도가 없습니다.' : '아직 발급 시도가 없습니다.'}
            </p>
          ) : (
            <AttemptsTable attempts={page.attempts} caption="발급 시도 목록, 최신 순" />
          )}
          <nav aria-label="페이지" className="flex gap-4 text-sm">
            {raw.cursor && (
              <Link href={hrefWith(filters)} className="text-blue-700 underline">
                첫 페이지
              </Link>
            )}
            {page.nextCursor && (
              <Link href={hrefWith(filters, { cursor: page.nextCursor })} className="text-blue-700 underline">
                다음 페이지 (이전 시도)
              </Link>
            )}
          </nav>
        </section>
      )}
    </div>
  );
}
