import type { Metadata } from 'next';
import { LoadFailed } from '@/components/load-failed';
import { PageHeader } from '@/components/ui/page-header';
import { pageContext, requirePageActor } from '@/lib/auth/session';
import { listChannelsFor } from '@/lib/billing-keys/channels';
import { AppError } from '@/lib/errors';
import type { ListedChannel } from '@/lib/model/settings';
import { listQaRuns } from '@/lib/qa/store';
import { qaRunIdSchema } from '@/lib/validations/qa';
import { QaWorkbench } from './_components/qa-workbench';

export const metadata: Metadata = { title: 'QA 실행' };

export default async function QaPage({ searchParams }: { searchParams: Promise<{ run?: string | string[] }> }) {
  const actor = await requirePageActor('qa.run', '/qa');
  const { run } = await searchParams;
  const runId = typeof run === 'string' && qaRunIdSchema.safeParse(run).success ? run : null;
  const [listed, runs] = await Promise.all([
    listChannelsFor(await pageContext(actor)).then(
      (channels): { channels: ListedChannel[]; error: null } => ({ channels, error: null }),
      (error: unknown): { channels: null; error: string } => {
        if (!(error instanceof AppError)) throw error;
        return { channels: null, error: error.message };
      },
    ),
    listQaRuns(),
  ]);
  const { channels, error: channelsError } = listed;
  return (
    <div className="space-y-6">
      <PageHeader
        title="QA 실행"
        description="고른 채널마다 성공과 각 실패 시나리오의 테스트 카드로 빌링키를 발급해 봅니다. 요청은 Iamport에 바로 보내며(빌링키 목록과 발급 시도에는 남지 않음), 만들어진 빌링키는 실행이 끝나면 모두 삭제합니다. 칸마다 결과, 지연 시간, 마스킹된 요청과 받은 응답을 볼 수 있습니다."
      />
      {channels === null && <LoadFailed title="채널 목록을 불러오지 못했습니다" message={channelsError} />}
      <QaWorkbench
        isAdmin={actor.role === 'admin'}
        initialRunId={runId}
        channels={channels?.filter((channel) => channel.keyIn) ?? null}
        runs={runs}
      />
    </div>
  );
}
