import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { qaRunIdSchema } from '@/lib/validations/qa';
import { QaWorkbench } from './_components/qa-workbench';

export const metadata: Metadata = { title: 'QA 실행' };

export default async function QaPage({ searchParams }: { searchParams: Promise<{ run?: string | string[] }> }) {
  const actor = await requirePageActor('qa.run', '/qa');
  const { run } = await searchParams;
  const runId = typeof run === 'string' && qaRunIdSchema.safeParse(run).success ? run : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">QA 실행</h1>
        <p className="mt-1 text-sm text-slate-700">
          고른 채널마다 성공과 각 실패 시나리오의 테스트 카드로 빌링키를 발급해 봅니다. 요청은 Iamport에 바로
          보내며(빌링키 목록과 발급 시도에는 남지 않음), 만들어진 빌링키는 실행이 끝나면 모두 삭제합니다. 칸마다 결과,
          지연 시간, 마스킹된 요청과 받은 응답을 볼 수 있습니다.
        </p>
      </div>
      <QaWorkbench isAdmin={actor.role === 'admin'} initialRunId={runId} />
    </div>
  );
}
