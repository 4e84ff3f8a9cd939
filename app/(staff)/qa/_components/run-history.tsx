import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { Table, TableFrame, TBody, TD, TH, THead, TR } from '@/components/ui/table';
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
      <TableFrame label="실행 기록 표">
        <Table caption="QA 실행 기록, 최근 것부터" cards>
          <THead>
            <tr>
              <TH>시작 (KST)</TH>
              <TH>실행한 사람</TH>
              <TH>채널 × 시나리오</TH>
              <TH>상태</TH>
              <TH>발급 / 거절 / 불명 / 오류 / 건너뜀</TH>
              <TH>걸린 시간</TH>
              <TH>
                <span className="sr-only">작업</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {runs.map((run) => (
              <TR key={run.id} tone={run.id === openId ? 'selected' : undefined}>
                <TD primary className="whitespace-nowrap">
                  <time dateTime={run.createdAt}>{formatKst(run.createdAt)}</time>
                  <small className="font-mono">{run.id.slice(0, 8)}</small>
                </TD>
                <TD label="실행한 사람" className="break-all">
                  {run.actorEmail ?? run.actorId ?? '—'}
                </TD>
                <TD label="채널 × 시나리오">
                  {run.channels.length} × {run.scenarios.length}
                  <small className="font-mono">{run.channels.map((channel) => channel.pg).join(', ')}</small>
                </TD>
                <TD label="상태">
                  {STATUS_LABELS[run.status]}
                  {run.cleanupFailed > 0 && (
                    <strong className="block text-red-800">삭제 실패 {run.cleanupFailed}</strong>
                  )}
                </TD>
                <TD label="결과 수" className="font-mono">
                  {run.counts.issued} / {run.counts.rejected} / {run.counts.unknown} / {run.counts.error} /{' '}
                  {run.counts.skipped}
                </TD>
                <TD label="걸린 시간" className="font-mono whitespace-nowrap">
                  {run.durationMs === null ? '—' : `${(run.durationMs / 1000).toFixed(1)}초`}
                </TD>
                <TD label="작업">
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => onOpen(run.id)}
                    aria-label={`${runLabel(run)} 실행 결과 보기`}
                  >
                    보기
                  </Button>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </TableFrame>
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
