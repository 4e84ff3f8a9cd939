'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { FormAlert } from '@/components/ui/alert';
import { Card, CardSection } from '@/components/ui/card';
import { queries, queryKeys } from '@/lib/client/query';
import { OUTCOME_LABELS } from '@/lib/qa/scenarios';
import type { QaRunSummary, QaRunView } from '@/lib/model/qa';
import type { ListedChannel } from '@/lib/model/settings';
import { cellKey } from '@/lib/model/qa';
import { CellDetail } from './cell-detail';
import { CleanupSummary } from './cleanup-summary';
import { matchCounts, Matrix } from './matrix';
import { RunForm } from './run-form';
import { RunHistory, STATUS_LABELS, runLabel } from './run-history';

const DETAIL_ID = 'qa-cell-detail';
const unfinished = (run: QaRunView | undefined) => run?.status === 'running' || run?.status === 'cleaning';

function statusLine(run: QaRunView): string {
  const done = run.results.filter((cell) => cell.outcome !== 'pending').length;
  if (run.status === 'running') return `실행 중… ${done} / ${run.results.length}칸 끝남`;
  if (run.status === 'cleaning') return '모든 칸이 끝났습니다. 이번 실행이 만든 빌링키를 삭제하는 중입니다…';
  const counts = (['issued', 'rejected', 'unknown', 'error', 'skipped'] as const)
    .map((outcome) => `${OUTCOME_LABELS[outcome]} ${run.counts[outcome]}`)
    .join(' · ');
  const took = run.durationMs === null ? '' : ` (${(run.durationMs / 1000).toFixed(1)}초)`;
  return `${STATUS_LABELS[run.status]}: ${counts}${took}`;
}

/** How the finished cells compare with what the sandbox should answer: the count of each mark. */
function MatchSummary({ results }: { results: QaRunView['results'] }) {
  const { matched, mismatched } = matchCounts(results);
  if (matched + mismatched === 0) return null;
  return (
    <p className="text-sm" data-testid="qa-match-summary">
      <span className="font-semibold text-emerald-800">✓ 예상대로 {matched}칸</span>
      {' · '}
      <span className={mismatched > 0 ? 'font-bold text-red-800' : 'font-semibold'}>✗ 예상과 다름 {mismatched}칸</span>
      <span className="text-slate-700"> (각 칸의 결과와 PG 코드를 시나리오의 예상과 비교)</span>
    </p>
  );
}

/**
 * The QA runner: start a run, watch its matrix fill in, open a cell, see the cleanup, pick runs to
 * compare. Channels and past runs are read on the server; the open run is polled while it runs
 * (the one thing here that changes on its own), and the page is read again once it has finished.
 */
export function QaWorkbench({
  isAdmin,
  initialRunId,
  channels,
  runs,
}: {
  isAdmin: boolean;
  initialRunId: string | null;
  /** Key-in channels, or null when the list could not be read (the page says so). */
  channels: ListedChannel[] | null;
  runs: QaRunSummary[];
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [openId, setOpenId] = useState<string | null>(initialRunId);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const runQuery = useQuery({
    ...queries.qaRun(openId ?? ''),
    enabled: openId !== null,
    refetchInterval: (query) => (unfinished(query.state.data) ? 1_000 : false),
  });
  const run = runQuery.data;

  // A finished run shows as finished in the history too.
  const status = run?.status;
  useEffect(() => {
    if (status && status !== 'running' && status !== 'cleaning') router.refresh();
  }, [status, router]);

  function open(id: string) {
    setOpenId(id);
    setSelectedKey(null);
    window.history.replaceState(null, '', `/qa?run=${encodeURIComponent(id)}`);
  }

  function started(next: QaRunView) {
    queryClient.setQueryData(queryKeys.qaRun(next.id), next);
    router.refresh();
    open(next.id);
    // The run's results are what comes next; the 실행 button was disabled while it started.
    resultHeading.current?.focus();
  }

  const selected =
    run && selectedKey
      ? run.results.find((cell) => cellKey(cell.channelKey, cell.scenario) === selectedKey)
      : undefined;

  return (
    <div className="space-y-8">
      {channels && <RunForm channels={channels} isAdmin={isAdmin} onStarted={started} />}

      <section aria-labelledby="qa-result-heading" className="space-y-3">
        <h2 id="qa-result-heading" ref={resultHeading} tabIndex={-1} className="text-lg font-bold">
          실행 결과{run && <span className="ml-2 text-sm font-normal text-slate-700">{runLabel(run)}</span>}
        </h2>
        <p role="status" aria-live="polite" className="text-sm font-medium">
          {run ? statusLine(run) : openId && runQuery.isPending ? '불러오는 중…' : ''}
        </p>
        {runQuery.isError && <FormAlert>실행 결과를 불러오지 못했습니다: {runQuery.error.message}</FormAlert>}
        {!openId && (
          <p className="text-sm text-slate-700">
            실행을 시작하거나 아래 기록에서 하나를 고르면 결과가 여기에 나옵니다.
          </p>
        )}
        {run && (
          <>
            {run.error && <FormAlert>{run.error}</FormAlert>}
            <MatchSummary results={run.results} />
            <Matrix
              title="QA 결과 매트릭스"
              channels={run.channels}
              scenarios={run.scenarios}
              results={run.results}
              onSelect={(key) => setSelectedKey((current) => (current === key ? null : key))}
              selectedKey={selectedKey}
              detailId={DETAIL_ID}
            />
            <Card id={DETAIL_ID} role="region" aria-label="칸 자세히" className="p-4">
              {selected ? (
                <CellDetail
                  cell={selected}
                  channel={run.channels.find((channel) => channel.channelKey === selected.channelKey)}
                />
              ) : (
                <p className="text-sm text-slate-700">칸을 누르면 보낸 요청(마스킹됨)과 받은 응답을 봅니다.</p>
              )}
            </Card>
            <CardSection id="qa-cleanup-heading" title="정리 결과" level={3}>
              <CleanupSummary cleanup={run.cleanup} />
            </CardSection>
          </>
        )}
      </section>

      <section aria-labelledby="qa-history-heading" className="space-y-3">
        <h2 id="qa-history-heading" className="text-lg font-bold">
          실행 기록
        </h2>
        <RunHistory runs={runs} onOpen={open} openId={openId} />
        <p className="text-sm">
          <Link href="/qa/compare" className="text-blue-700 underline">
            비교 화면 열기
          </Link>
        </p>
      </section>
    </div>
  );
}
