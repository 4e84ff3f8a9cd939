import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { buttonsColumn, timeColumn } from '@/components/table-columns';
import { DataTable } from '@/components/ui/table';
import { formatKst } from '@/lib/format';
import type { QaRunStatus, QaRunSummary } from '@/lib/model/qa';

export const STATUS_LABELS: Record<QaRunStatus, string> = {
  running: '실행 중',
  cleaning: '정리 중',
  completed: '완료',
  failed: '실패',
  interrupted: '중단됨',
};

export const runLabel = (run: Pick<QaRunSummary, 'createdAt' | 'id'>) =>
  `${formatKst(run.createdAt)} · ${run.id.slice(0, 8)}`;

/** Past runs, newest first, each openable here; and the two-run comparison (a plain GET form). */
export function RunHistory({
  runs,
  onOpen,
  openId,
}: {
  runs: QaRunSummary[];
  onOpen: (id: string) => void;
  openId: string | null;
}) {
  if (runs.length === 0) return <EmptyState>아직 실행 기록이 없습니다.</EmptyState>;
  return (
    <div className="space-y-4">
      <DataTable
        label="실행 기록 표"
        caption="QA 실행 기록, 최근 것부터"
        rows={runs}
        rowTone={(run) => (run.id === openId ? 'selected' : undefined)}
        columns={[
          timeColumn<QaRunSummary>('시작 (KST)', (run) => run.createdAt, {
            after: (run) => <small className="font-mono">{run.id.slice(0, 8)}</small>,
          }),
          {
            header: '실행한 사람',
            className: 'break-all',
            cell: (run) => run.actorEmail ?? run.actorId ?? '—',
          },
          {
            header: '채널 × 시나리오',
            cell: (run) => (
              <>
                {run.channels.length} × {run.scenarios.length}
                <small className="font-mono">{run.channels.map((channel) => channel.pg).join(', ')}</small>
              </>
            ),
          },
          {
            header: '상태',
            cell: (run) => (
              <>
                {STATUS_LABELS[run.status]}
                {run.cleanupFailed > 0 && <strong className="block text-red-800">삭제 실패 {run.cleanupFailed}</strong>}
              </>
            ),
          },
          {
            header: '발급 / 거절 / 불명 / 오류 / 건너뜀',
            label: '결과 수',
            className: 'font-mono',
            cell: ({ counts }) =>
              `${counts.issued} / ${counts.rejected} / ${counts.unknown} / ${counts.error} / ${counts.skipped}`,
          },
          {
            header: '걸린 시간',
            className: 'font-mono whitespace-nowrap',
            cell: (run) => (run.durationMs === null ? '—' : `${(run.durationMs / 1000).toFixed(1)}초`),
          },
          buttonsColumn<QaRunSummary>((run) => (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => onOpen(run.id)}
              aria-label={`${runLabel(run)} 실행 결과 보기`}
            >
              보기
            </Button>
          )),
        ]}
      />
      <CompareForm runs={runs} />
    </div>
  );
}

/** Picks two runs and opens `/qa/compare?a=…&b=…`; works without script. */
export function CompareForm({ runs, a, b }: { runs: QaRunSummary[]; a?: string; b?: string }) {
  if (runs.length < 2) return null;
  const select = (name: 'a' | 'b', label: string, fallback: string | undefined) => (
    <Field id={`compare-${name}`} label={label} className="min-w-0 flex-1 basis-64">
      {(a11y) => (
        <NativeSelect {...a11y} name={name} defaultValue={fallback} size="sm">
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              {runLabel(run)} ({run.channels.length}×{run.scenarios.length}, {STATUS_LABELS[run.status]})
            </option>
          ))}
        </NativeSelect>
      )}
    </Field>
  );
  return (
    <form action="/qa/compare" method="get" aria-label="두 실행 비교" className="flex flex-wrap items-end gap-3">
      {select('a', '실행 A', a ?? runs[1]?.id)}
      {select('b', '실행 B', b ?? runs[0]?.id)}
      <Button type="submit" variant="secondary" size="sm" className="h-9">
        두 실행 비교
      </Button>
    </form>
  );
}
