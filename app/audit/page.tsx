import type { Metadata } from 'next';
import Link from 'next/link';
import { listAuditTrail } from '@/lib/audit/query';
import { requirePageActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { auditFiltersOf, normalizeAuditQuery, parseAuditQuery } from '@/lib/validations/audit';
import { AuditFilters } from './_components/audit-filters';
import { auditExportHref, auditHref } from './_components/audit-href';
import { AuditPagination } from './_components/audit-pagination';
import { AuditTable } from './_components/audit-table';

export const metadata: Metadata = { title: '감사 기록' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePageActor('audit.view', '/audit');
  const raw = await searchParams;
  const parsed = parseAuditQuery(raw);
  const page = parsed.success ? await listAuditTrail(await getDb(), parsed.query) : null;
  const filters = parsed.success ? auditFiltersOf(parsed.query) : {};
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">감사 기록</h1>
        <p className="mt-1 text-sm text-slate-700">
          로그인, 빌링키 발급·교체·조회·삭제, 내보내기, 직원과 설정 변경의 기록입니다 (최신 순). 카드 정보는 마스킹된
          값만 있습니다.
        </p>
      </div>

      <AuditFilters values={normalizeAuditQuery(raw)} errors={parsed.success ? {} : parsed.fields} />

      {!parsed.success && (
        <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-950">
          <p className="font-semibold">조회 조건이 올바르지 않아 기록을 불러오지 않았습니다.</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(parsed.fields).map(([name, message]) => (
              <li key={name}>{message}</li>
            ))}
          </ul>
          <p className="mt-2">
            <Link href="/audit" className="text-blue-800 underline">
              조건을 모두 지우고 다시 보기
            </Link>
          </p>
        </div>
      )}

      {parsed.success && page && (
        <section aria-labelledby="results-title" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="results-title" className="text-lg font-bold">
              {parsed.query.cursor ? '검색 결과 (이어서)' : '검색 결과'}
            </h2>
            <a
              href={auditExportHref(filters)}
              download
              className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-slate-100"
            >
              CSV 내보내기
            </a>
          </div>
          {page.events.length === 0 ? (
            <div className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-800">
              {parsed.query.cursor ? (
                <p>
                  이 페이지에는 기록이 없습니다.{' '}
                  <Link href={auditHref(filters, { limit: parsed.query.limit })} className="text-blue-800 underline">
                    첫 페이지로
                  </Link>
                </p>
              ) : filtered ? (
                <p>
                  조건에 맞는 기록이 없습니다.{' '}
                  <Link href="/audit" className="text-blue-800 underline">
                    조건 지우기
                  </Link>
                </p>
              ) : (
                <p>아직 기록이 없습니다.</p>
              )}
            </div>
          ) : (
            <AuditTable events={page.events} />
          )}
          <AuditPagination
            filters={filters}
            limit={parsed.query.limit}
            prevCursor={page.prevCursor}
            nextCursor={page.nextCursor}
          />
        </section>
      )}
    </div>
  );
}
