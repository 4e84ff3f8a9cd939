import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/session';
import { differingCells } from '@/lib/qa/compare';
import { OUTCOME_LABELS, QA_SCENARIO_INFO } from '@/lib/qa/scenarios';
import { findQaRun, listQaRuns } from '@/lib/qa/store';
import type { QaCell, QaChannelSnapshot, QaRunView } from '@/lib/model/qa';
import { QA_SCENARIOS, qaRunIdSchema } from '@/lib/validations/qa';
import { Matrix } from '../_components/matrix';
import { CompareForm, runLabel, STATUS_LABELS } from '../_components/run-history';

export const metadata: Metadata = { title: 'QA 실행 비교' };

type Search = Promise<{ a?: string | string[]; b?: string | string[] }>;

const idOf = (value: string | string[] | undefined) =>
  typeof value === 'string' && qaRunIdSchema.safeParse(value).success ? value : null;

const cellText = (cell: QaCell | undefined) =>
  cell ? `${OUTCOME_LABELS[cell.outcome]}${cell.pgCode ? ` ${cell.pgCode}` : ''}` : '없음';

/** Two runs side by side; the cells whose outcome or PG code differ are highlighted and listed. */
export default async function QaComparePage({ searchParams }: { searchParams: Search }) {
  await requirePageActor('qa.run', '/qa/compare');
  const search = await searchParams;
  const [aId, bId] = [idOf(search.a), idOf(search.b)];
  const [runs, a, b] = await Promise.all([listQaRuns(), aId ? findQaRun(aId) : null, bId ? findQaRun(bId) : null]);
  const asked = search.a !== undefined || search.b !== undefined;
  const differences = a && b ? differingCells(a.results, b.results) : [];
  const highlight = new Set(differences.map((difference) => difference.key));
  const channelName = new Map<string, QaChannelSnapshot>(
    [...(a?.channels ?? []), ...(b?.channels ?? [])].map((c) => [c.channelKey, c]),
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="QA 실행 비교"
        back={
          <Link href="/qa" className="text-blue-700 underline">
            ← QA 실행으로 돌아가기
          </Link>
        }
        description="두 실행의 매트릭스를 나란히 봅니다. 결과나 PG 코드가 다르거나 한쪽에만 있는 칸은 테두리와 “다름”으로 표시합니다."
      />
      <CompareForm runs={runs} a={a?.id} b={b?.id} />
      {runs.length < 2 && <EmptyState>비교하려면 실행 기록이 두 개 이상 있어야 합니다.</EmptyState>}
      {asked && (!a || !b) && (
        <Alert tone="error" role="alert">
          {!a && !b ? '두 실행을 모두' : !a ? '실행 A를' : '실행 B를'} 찾을 수 없습니다. 위에서 다시 고르세요.
        </Alert>
      )}
      {a && b && (
        <>
          <section aria-labelledby="differences-heading" className="space-y-2">
            <h2 id="differences-heading" className="text-lg font-bold">
              다른 칸 {differences.length}개
            </h2>
            {differences.length === 0 ? (
              <p className="text-sm text-slate-700">두 실행의 모든 칸이 같은 결과입니다.</p>
            ) : (
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {differences.map((difference) => (
                  <li key={difference.key}>
                    {channelName.get(difference.channelKey)?.channelName ?? difference.channelKey} ×{' '}
                    {(QA_SCENARIOS as readonly string[]).includes(difference.scenario)
                      ? QA_SCENARIO_INFO[difference.scenario as keyof typeof QA_SCENARIO_INFO].label
                      : difference.scenario}
                    : A {cellText(difference.a)} → B {cellText(difference.b)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="grid gap-6 xl:grid-cols-2">
            <RunColumn name="A" run={a} highlight={highlight} />
            <RunColumn name="B" run={b} highlight={highlight} />
          </div>
        </>
      )}
    </div>
  );
}

function RunColumn({ name, run, highlight }: { name: 'A' | 'B'; run: QaRunView; highlight: ReadonlySet<string> }) {
  return (
    <section aria-labelledby={`run-${name}-heading`} className="min-w-0 space-y-2">
      <h2 id={`run-${name}-heading`} className="text-lg font-bold">
        실행 {name}{' '}
        <Link href={`/qa?run=${run.id}`} className="text-sm font-normal text-blue-700 underline">
          {runLabel(run)}
        </Link>
      </h2>
      <p className="text-sm text-slate-700">
        {STATUS_LABELS[run.status]} · 타임아웃 {run.issueTimeoutMs / 1000}초 · {run.actorEmail ?? run.actorId ?? '—'}
      </p>
      <Matrix
        title={`실행 ${name} 매트릭스`}
        channels={run.channels}
        scenarios={run.scenarios}
        results={run.results}
        highlight={highlight}
      />
    </section>
  );
}
