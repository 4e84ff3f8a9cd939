'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormAlert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { keyDetailHref } from '@/components/key-href';
import { buttonsColumn, customerUidColumn } from '@/components/table-columns';
import { DataTable } from '@/components/ui/table';
import type { ReconcileCounts, ReconcileFinding, ReconcileOverview } from '@/lib/model/billing-keys';
import { api } from '@/lib/client/api';
import { formatKst } from '@/lib/format';

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

/** The keys a run could not check, by name, each a link to its detail page. */
function UnavailableKeys({ uids, total }: { uids: readonly string[]; total: number }) {
  if (total === 0) return null;
  return (
    <section
      aria-labelledby="unavailable-title"
      className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3"
    >
      <h3 id="unavailable-title" className="text-sm font-semibold text-amber-950">
        확인하지 못한 빌링키 {total}개
      </h3>
      <p className="text-sm text-slate-800">
        Iamport가 이 키들에 답하지 않아 상태를 바꾸지 않았습니다. 잠시 뒤 다시 대조하거나 상세 화면에서 조회하세요.
      </p>
      {uids.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="확인하지 못한 빌링키 목록">
          {uids.map((uid) => (
            <li key={uid}>
              <Link href={keyDetailHref(uid)} className="font-mono break-all text-blue-700 underline">
                {uid}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">이 대조는 키 이름을 남기지 않았습니다 (이전 버전의 기록).</p>
      )}
      {uids.length > 0 && uids.length < total && (
        <p className="text-sm text-slate-700">
          외 {total - uids.length}개 (처음 {uids.length}개만 표시)
        </p>
      )}
    </section>
  );
}

/** The card at Iamport beside a finding: masked as Iamport gave it, or why there is none. */
function LiveCard({ finding }: { finding: ReconcileFinding }) {
  if (finding.liveState === 'missing')
    return <span className="font-semibold text-red-800">없음 (Iamport에서 삭제됨)</span>;
  const card = finding.liveCard;
  if (!card) return <span className="text-slate-700">대조 기록 없음 (상세 화면에서 조회)</span>;
  const changedPg = card.pgProvider !== finding.pgProvider || card.pgId !== finding.pgId;
  return (
    <span>
      {card.cardName ?? '카드사 정보 없음'} <span className="font-mono">{card.cardNumberMasked ?? '****'}</span>
      {changedPg && <span className="block font-mono text-xs">{`${card.pgProvider} / ${card.pgId}`}</span>}
      <span className="block text-xs text-slate-700">
        Iamport 갱신 <time dateTime={card.updatedAt}>{formatKst(card.updatedAt)}</time>
      </span>
    </span>
  );
}

/**
 * Runs a reconcile, shows its counts, and lists open findings with a "확인함" button each. The
 * overview is read on the server; after a change the page reads it again (docs/frontend.md).
 */
export function ReconcilePanel({
  overview,
  canRun,
}: {
  overview: ReconcileOverview;
  /** Reviewers and admins run and mark. */ canRun: boolean;
}) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [announcement, setAnnouncement] = useState('');
  const refresh = () => startRefresh(() => router.refresh());
  const run = useMutation({
    mutationFn: api.runReconcile,
    onSuccess: (result) => {
      setAnnouncement(
        `대조를 마쳤습니다: ${result.checked}개 확인, 변경 ${result.changed}개, 없음 ${result.missing}개, 확인 불가 ${result.unavailable}개.`,
      );
      refresh();
      // The run button was disabled while it ran; focus goes on to what it found.
      document.getElementById('findings-title')?.focus();
    },
  });
  const acknowledge = useMutation({
    mutationFn: (customerUid: string) => api.acknowledgeLiveState(customerUid),
    onSuccess: (stored) => {
      setAnnouncement(`${stored.customerUid}을(를) 확인함으로 표시했습니다.`);
      refresh();
    },
  });

  return (
    <div className="space-y-6">
      <CardSection
        id="run-title"
        title="대조 실행"
        description={
          <>
            활성 빌링키 {overview.activeKeys}개 (현재 모드에서 발급된 키)를 Iamport와 대조합니다. 약{' '}
            {Math.max(1, Math.ceil(overview.activeKeys / 100))}번 조회합니다.
          </>
        }
      >
        <Button
          onClick={() => run.mutate()}
          disabled={run.isPending || !canRun}
          title={canRun ? undefined : '검토자 또는 관리자만 실행할 수 있습니다.'}
        >
          {run.isPending ? '대조 중…' : 'Iamport와 대조 실행'}
        </Button>
        <div role="status" aria-live="polite" className="text-sm">
          {run.isPending && <p>Iamport에 100개씩 조회하고 있습니다…</p>}
          {announcement && !run.isPending && <p className="font-semibold text-emerald-900">{announcement}</p>}
        </div>
        <FormAlert>{run.isError ? `대조하지 못했습니다: ${run.error.message}` : null}</FormAlert>
        {run.data && <Counts counts={run.data} label="이번 대조 결과" />}
        {run.data && <UnavailableKeys uids={run.data.unavailableUids} total={run.data.unavailable} />}
        {!run.data && overview.lastRun && (
          <div className="space-y-2">
            <p className="text-sm text-slate-700">
              마지막 대조: <time dateTime={overview.lastRun.at}>{formatKst(overview.lastRun.at)}</time>
              {overview.lastRun.result === 'failure' && (
                <strong className="ml-2 text-red-800">(Iamport에 연결하지 못함)</strong>
              )}
            </p>
            <Counts counts={overview.lastRun} label="마지막 대조 결과" />
            <UnavailableKeys uids={overview.lastRun.unavailableUids} total={overview.lastRun.unavailable} />
          </div>
        )}
        {!run.data && !overview.lastRun && <p className="text-sm text-slate-700">아직 대조한 적이 없습니다.</p>}
      </CardSection>

      <section aria-labelledby="findings-title" className="space-y-3">
        <h2 id="findings-title" tabIndex={-1} className="text-lg font-bold">
          확인이 필요한 빌링키 <span className="font-mono text-base text-slate-700">({overview.findings.length})</span>
        </h2>
        <FormAlert>
          {acknowledge.isError ? `확인 표시를 하지 못했습니다: ${acknowledge.error.message}` : null}
        </FormAlert>
        {overview.findings.length === 0 ? (
          <EmptyState>Iamport와 다른 빌링키가 없습니다 (또는 모두 확인함으로 표시했습니다).</EmptyState>
        ) : (
          <DataTable
            label="확인이 필요한 빌링키 표"
            caption="Iamport에서 변경되었거나 없어진 빌링키, 확인 전"
            stickyFirst
            rows={overview.findings}
            rowKey={(finding) => finding.customerUid}
            columns={[
              customerUidColumn<ReconcileFinding>(),
              {
                header: '상태',
                cell: (finding) => (
                  <Badge tone={finding.liveState === 'missing' ? 'red' : 'amber'} className="font-bold">
                    {STATE_LABELS[finding.liveState]}
                  </Badge>
                ),
              },
              {
                header: '콘솔에 기록된 카드',
                label: '기록된 카드',
                cell: (finding) => (
                  <>
                    {finding.cardName ?? '카드사 정보 없음'}{' '}
                    <span className="font-mono">{finding.cardNumberMasked ?? '****'}</span>
                  </>
                ),
              },
              {
                header: '지금 Iamport의 카드',
                cell: (finding) => <LiveCard finding={finding} />,
              },
              {
                header: 'PG / MID',
                className: 'font-mono',
                cell: (finding) => `${finding.pgProvider} / ${finding.pgId}`,
              },
              {
                header: '확인 시각 (KST)',
                label: '확인 시각',
                className: 'whitespace-nowrap',
                cell: (finding) =>
                  finding.liveCheckedAt ? (
                    <time dateTime={finding.liveCheckedAt}>{formatKst(finding.liveCheckedAt)}</time>
                  ) : (
                    '—'
                  ),
              },
              buttonsColumn<ReconcileFinding>((finding) => (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`${finding.customerUid} 확인함`}
                  onClick={() => acknowledge.mutate(finding.customerUid)}
                  disabled={!canRun || (acknowledge.isPending && acknowledge.variables === finding.customerUid)}
                >
                  확인함
                </Button>
              )),
            ]}
          />
        )}
      </section>
    </div>
  );
}
