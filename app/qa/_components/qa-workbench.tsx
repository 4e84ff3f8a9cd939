'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { FormAlert } from '@/components/auth-ui';
import { api } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query';
import { OUTCOME_LABELS } from '@/lib/qa/scenarios';
import type { QaRunView } from '@/lib/model/qa';
import { cellKey } from '@/lib/model/qa';
import { CellDetail } from './cell-detail';
import { CleanupSummary } from './cleanup-summary';
import { Matrix } from './matrix';
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

/** The QA runner: start a run, watch its matrix fill in, open a cell, see the cleanup, pick runs to compare. */
export function QaWorkbench({ isAdmin, initialRunId }: { isAdmin: boolean; initialRunId: string | null }) {
  const queryClient = useQueryClient();
  const channelsQuery = useQuery({ queryKey: queryKeys.channels(), queryFn: api.channels });
  const runsQuery = useQuery({ queryKey: queryKeys.qaRuns(), queryFn: api.qaRuns, staleTime: 0 });
  const [openId, setOpenId] = useState<string | null>(initialRunId);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const runQuery = useQuery({
    queryKey: queryKeys.qaRun(openId ?? ''),
    queryFn: () => api.qaRun(openId as string),
    enabled: openId !== null,
    staleTime: 0,
    refetchInterval: (query) => (unfinished(query.state.data) ? 1_000 : false),
  });
  const run = runQuery.data;

  // A finished run shows as finished in the history too.
  const status = run?.status;
  useEffect(() => {
    if (status && status !== 'running' && status !== 'cleaning')
      void queryClient.invalidateQueries({ queryKey: queryKeys.qaRuns() });
  }, [status, queryClient]);

  function open(id: string) {
    setOpenId(id);
    setSelectedKey(null);
    window.history.replaceState(null, '', `/qa?run=${encodeURIComponent(id)}`);
  }

  function started(next: QaRunView) {
    queryClient.setQueryData(queryKeys.qaRun(next.id), next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.qaRuns() });
    open(next.id);
  }

  const keyIn = (channelsQuery.data ?? []).filter((channel) => channel.keyIn);
  const selected =
    run && selectedKey
      ? run.results.find((cell) => cellKey(cell.channelKey, cell.scenario) === selectedKey)
      : undefined;

  return (
    <div className="space-y-8">
      {channelsQuery.isPending ? (
        <p role="status" className="text-sm text-slate-700">
          채널 목록을 불러오는 중입니다…
        </p>
      ) : channelsQuery.isError ? (
        <FormAlert>채널 목록을 불러오지 못했습니다: {channelsQuery.error.message}</FormAlert>
      ) : (
        <RunForm channels={keyIn} isAdmin={isAdmin} onStarted={started} />
      )}

      <section aria-labelledby="qa-result-heading" className="space-y-3">
        <h2 id="qa-result-heading" className="text-lg font-bold">
          실행 결과{run && <span className="ml-2 text-sm font-normal text-slate-700">{runLabel(run)}</span>}
        </h2>
        <p role="status" aria-live="polite" className="text-sm font-medium">
          {run ? statusLine(run) : openId && runQuery.isPending ? '불러오는 중…' : ''}
        </p>
        {runQuery.isError && <FormAlert>실행 결과를 불러오지 못했습니다: {runQuery.error.message}</FormAlert>}
        {!openId && (
          <p className="text-sm text-slate-700">채널과 시나리오를 골라 실행하거나, 아래 기록에서 지난 실행을 여세요.</p>
        )}
        {run && (
          <>
            {run.error && <FormAlert>{run.error}</FormAlert>}
            <Matrix
              title="QA 결과 매트릭스"
              channels={run.channels}
              scenarios={run.scenarios}
              results={run.results}
              onSelect={(key) => setSelectedKey((current) => (current === key ? null : key))}
              selectedKey={selectedKey}
              detailId={DETAIL_ID}
            />
            <div
              id={DETAIL_ID}
              role="region"
              aria-label="칸 자세히"
              className="rounded-xl border border-slate-200 bg-white p-4"
            >
              {selected ? (
                <CellDetail
                  cell={selected}
                  channel={run.channels.find((channel) => channel.channelKey === selected.channelKey)}
                />
              ) : (
                <p className="text-sm text-slate-700">칸을 누르면 보낸 요청(마스킹됨)과 받은 응답을 봅니다.</p>
              )}
            </div>
            <section
              aria-labelledby="qa-cleanup-heading"
              className="space-y-2 rounded-xl border border-slate-200 bg-white p-4"
            >
              <h3 id="qa-cleanup-heading" className="font-semibold">
                정리 결과
              </h3>
              <CleanupSummary cleanup={run.cleanup} />
            </section>
          </>
        )}
      </section>

      <section aria-labelledby="qa-history-heading" className="space-y-3">
        <h2 id="qa-history-heading" className="text-lg font-bold">
          실행 기록
        </h2>
        {runsQuery.isError && <FormAlert>실행 기록을 불러오지 못했습니다: {runsQuery.error.message}</FormAlert>}
        <RunHistory runs={runsQuery.data ?? []} onOpen={open} openId={openId} />
        <p className="text-sm">
          <Link href="/qa/compare" className="text-blue-700 underline">
            비교 화면 열기
          </Link>
        </p>
      </section>
    </div>
  );
}
