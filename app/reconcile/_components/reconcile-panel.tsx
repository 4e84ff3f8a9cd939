'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { ReconcileCounts, ReconcileFinding, ReconcileOverview } from '@/lib/model/billing-keys';
import { api } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query';
import { formatKst } from '@/lib/format';

const th = 'px-3 py-2 text-left text-xs font-semibold text-slate-700 whitespace-nowrap';
const td = 'px-3 py-2 align-top text-sm text-slate-900';

const STATE_LABELS: Record<ReconcileFinding['liveState'], string> = {
  changed: 'Iamport에서 변경됨',
  missing: 'Iamport에 없음',
};

function Counts({ counts, label }: { counts: ReconcileCounts; label: string }) {
  const items: [string, number][] = [
    ['확인한 키', counts.checked],
    ['일치', counts.same],
    ['변경됨', counts.changed],
    ['없음', counts.missing],
    ['확인 불가', counts.unavailable],
    ['조회 묶음 (100개씩)', counts.batches],
  ];
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      {items.map(([name, value]) => (
        <div key={name} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
          <dt className="text-xs text-slate-600">{name}</dt>
          <dd className="font-mono text-lg font-bold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Runs a reconcile, shows its counts, and lists open findings with a "확인함" button each. */
export function ReconcilePanel({
  initial,
  canRun,
}: {
  initial: ReconcileOverview;
  /** Reviewers and admins run and mark. */ canRun: boolean;
}) {
  const queryClient = useQueryClient();
  const { data: overview } = useQuery({
    queryKey: queryKeys.reconcile(),
    queryFn: api.reconcileOverview,
    initialData: initial,
  });
  const [announcement, setAnnouncement] = useState('');
  const run = useMutation({
    mutationFn: api.runReconcile,
    onSuccess: async (result) => {
      setAnnouncement(
        `대조를 마쳤습니다: ${result.checked}개 확인, 변경 ${result.changed}개, 없음 ${result.missing}개, 확인 불가 ${result.unavailable}개.`,
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.reconcile() });
    },
  });
  const acknowledge = useMutation({
    mutationFn: (customerUid: string) => api.acknowledgeLiveState(customerUid),
    onSuccess: async (stored) => {
      setAnnouncement(`${stored.customerUid}을(를) 확인함으로 표시했습니다.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.reconcile() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.billingKey(stored.customerUid) });
    },
  });

  return (
    <div className="space-y-6">
      <section aria-labelledby="run-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="run-title" className="text-lg font-bold">
          대조 실행
        </h2>
        <p className="text-sm text-slate-800">
          활성 빌링키 {overview.activeKeys}개 (현재 모드에서 발급된 키)를 Iamport와 대조합니다. 약{' '}
          {Math.max(1, Math.ceil(overview.activeKeys / 100))}번 조회합니다.
        </p>
        <button
          type="button"
          onClick={() => run.mutate()}
          disabled={run.isPending || !canRun}
          title={canRun ? undefined : '검토자 또는 관리자만 실행할 수 있습니다.'}
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {run.isPending ? '대조 중…' : 'Iamport와 대조 실행'}
        </button>
        <div role="status" aria-live="polite" className="text-sm">
          {run.isPending && <p>Iamport에 100개씩 조회하고 있습니다…</p>}
          {announcement && !run.isPending && <p className="font-semibold text-emerald-900">{announcement}</p>}
        </div>
        {run.isError && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            대조하지 못했습니다: {run.error.message}
          </p>
        )}
        {run.data && <Counts counts={run.data} label="이번 대조 결과" />}
        {!run.data && overview.lastRun && (
          <div className="space-y-2">
            <p className="text-sm text-slate-700">
              마지막 대조: <time dateTime={overview.lastRun.at}>{formatKst(overview.lastRun.at)}</time>
              {overview.lastRun.result === 'failure' && (
                <strong className="ml-2 text-red-800">(Iamport에 연결하지 못함)</strong>
              )}
            </p>
            <Counts counts={overview.lastRun} label="마지막 대조 결과" />
          </div>
        )}
        {!run.data && !overview.lastRun && <p className="text-sm text-slate-700">아직 대조한 적이 없습니다.</p>}
      </section>

      <section aria-labelledby="findings-title" className="space-y-3">
        <h2 id="findings-title" className="text-lg font-bold">
          확인이 필요한 빌링키 <span className="font-mono text-base text-slate-700">({overview.findings.length})</span>
        </h2>
        {acknowledge.isError && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            확인 표시를 하지 못했습니다: {acknowledge.error.message}
          </p>
        )}
        {overview.findings.length === 0 ? (
          <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-800">
            Iamport와 다른 빌링키가 없습니다 (또는 모두 확인함으로 표시했습니다).
          </p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200">
              <caption className="sr-only">Iamport에서 변경되었거나 없어진 빌링키, 확인 전</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    고객 결제수단 ID
                  </th>
                  <th scope="col" className={th}>
                    상태
                  </th>
                  <th scope="col" className={th}>
                    콘솔에 기록된 카드
                  </th>
                  <th scope="col" className={th}>
                    PG / MID
                  </th>
                  <th scope="col" className={th}>
                    확인 시각 (KST)
                  </th>
                  <th scope="col" className={th}>
                    <span className="sr-only">작업</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {overview.findings.map((finding) => (
                  <tr key={finding.customerUid}>
                    <td className={`${td} font-mono break-all`}>
                      <Link
                        href={`/keys/${encodeURIComponent(finding.customerUid)}`}
                        className="text-blue-700 underline"
                      >
                        {finding.customerUid}
                      </Link>
                    </td>
                    <td className={td}>
                      <span
                        className={`rounded border px-2 py-0.5 text-xs font-bold whitespace-nowrap ${
                          finding.liveState === 'missing'
                            ? 'border-red-300 bg-red-100 text-red-900'
                            : 'border-amber-400 bg-amber-100 text-amber-950'
                        }`}
                      >
                        {STATE_LABELS[finding.liveState]}
                      </span>
                    </td>
                    <td className={td}>
                      {finding.cardName ?? '카드사 정보 없음'}{' '}
                      <span className="font-mono">{finding.cardNumberMasked ?? '****'}</span>
                    </td>
                    <td className={`${td} font-mono`}>
                      {finding.pgProvider} / {finding.pgId}
                    </td>
                    <td className={`${td} whitespace-nowrap`}>
                      {finding.liveCheckedAt ? (
                        <time dateTime={finding.liveCheckedAt}>{formatKst(finding.liveCheckedAt)}</time>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className={td}>
                      <button
                        type="button"
                        aria-label={`${finding.customerUid} 확인함`}
                        onClick={() => acknowledge.mutate(finding.customerUid)}
                        disabled={!canRun || (acknowledge.isPending && acknowledge.variables === finding.customerUid)}
                        className="rounded-md border border-slate-500 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
                      >
                        확인함
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
