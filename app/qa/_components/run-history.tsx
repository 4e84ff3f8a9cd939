import { formatKst } from '@/lib/format';
import type { QaRunStatus, QaRunSummary } from '@/lib/model/qa';

export const STATUS_LABELS: Record<QaRunStatus, string> = {
  running: '실행 중',
  cleaning: '정리 중',
  completed: '완료',
  failed: '실패',
  interrupted: '중단됨',
};

const th = 'px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700';
const td = 'px-3 py-2 align-top text-sm';

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
  if (runs.length === 0) return <p className="text-sm text-slate-700">아직 실행 기록이 없습니다.</p>;
  return (
    <div className="space-y-4">
      <div
        role="region"
        aria-label="실행 기록 표"
        tabIndex={0}
        className="overflow-x-auto rounded-xl border border-slate-200 bg-white"
      >
        <table className="min-w-full divide-y divide-slate-200">
          <caption className="sr-only">QA 실행 기록, 최근 것부터</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={th}>
                시작 (KST)
              </th>
              <th scope="col" className={th}>
                실행한 사람
              </th>
              <th scope="col" className={th}>
                채널 × 시나리오
              </th>
              <th scope="col" className={th}>
                상태
              </th>
              <th scope="col" className={th}>
                발급 / 거절 / 불명 / 오류 / 건너뜀
              </th>
              <th scope="col" className={th}>
                걸린 시간
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">작업</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {runs.map((run) => (
              <tr key={run.id} className={run.id === openId ? 'bg-blue-50' : undefined}>
                <td className={`${td} whitespace-nowrap`}>
                  <time dateTime={run.createdAt}>{formatKst(run.createdAt)}</time>
                  <span className="block font-mono text-xs text-slate-600">{run.id.slice(0, 8)}</span>
                </td>
                <td className={td}>{run.actorEmail ?? run.actorId ?? '—'}</td>
                <td className={td}>
                  {run.channels.length} × {run.scenarios.length}
                  <span className="block font-mono text-xs text-slate-600">
                    {run.channels.map((channel) => channel.pg).join(', ')}
                  </span>
                </td>
                <td className={td}>
                  {STATUS_LABELS[run.status]}
                  {run.cleanupFailed > 0 && (
                    <strong className="block text-red-800">삭제 실패 {run.cleanupFailed}</strong>
                  )}
                </td>
                <td className={`${td} font-mono`}>
                  {run.counts.issued} / {run.counts.rejected} / {run.counts.unknown} / {run.counts.error} /{' '}
                  {run.counts.skipped}
                </td>
                <td className={`${td} font-mono whitespace-nowrap`}>
                  {run.durationMs === null ? '—' : `${(run.durationMs / 1000).toFixed(1)}초`}
                </td>
                <td className={td}>
                  <button
                    type="button"
                    onClick={() => onOpen(run.id)}
                    aria-label={`${runLabel(run)} 실행 결과 보기`}
                    className="rounded-md border border-slate-500 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-100"
                  >
                    보기
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CompareForm runs={runs} />
    </div>
  );
}

/** Picks two runs and opens `/qa/compare?a=…&b=…`; works without script. */
export function CompareForm({ runs, a, b }: { runs: QaRunSummary[]; a?: string; b?: string }) {
  if (runs.length < 2) return null;
  const select = (name: 'a' | 'b', label: string, fallback: string | undefined) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`compare-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={`compare-${name}`}
        name={name}
        defaultValue={fallback}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
      >
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            {runLabel(run)} ({run.channels.length}×{run.scenarios.length}, {STATUS_LABELS[run.status]})
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form action="/qa/compare" method="get" aria-label="두 실행 비교" className="flex flex-wrap items-end gap-3">
      {select('a', '실행 A', a ?? runs[1]?.id)}
      {select('b', '실행 B', b ?? runs[0]?.id)}
      <button
        type="submit"
        className="rounded-md border border-slate-500 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
      >
        두 실행 비교
      </button>
    </form>
  );
}
