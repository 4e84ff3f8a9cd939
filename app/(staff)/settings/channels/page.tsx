import type { Metadata } from 'next';
import { LoadFailed } from '@/components/load-failed';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import type { ChannelSettingsView } from '@/lib/model/settings';
import { channelSettingsView } from '@/lib/settings/channels';
import { ChannelSettingsForm } from './_components/channel-settings-form';

export const metadata: Metadata = { title: '채널 설정' };

export default async function ChannelSettingsPage() {
  await requirePageActor('settings.manage', '/settings/channels');
  let view: ChannelSettingsView | null = null;
  let failure: string | null = null;
  try {
    view = await channelSettingsView();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    failure = error.message;
  }
  return (
    <div className="space-y-6">
      <PageHeader
        title="채널 설정"
        description={
          <>
            Iamport에 설정된 PG 채널(<code className="font-mono">GET /users/pg</code>)을 지금 그대로 보여 줍니다. 발급
            화면이 먼저 고를 기본 채널과, 상담원에게 보이지 않을 채널을 정하세요. 숨긴 채널로는 상담원이 발급할 수
            없습니다. 모든 변경은 감사 기록에 남습니다.
          </>
        }
      />
      {view ? (
        <ChannelSettingsForm view={view} />
      ) : (
        <LoadFailed title="채널 목록을 불러오지 못했습니다" message={failure} />
      )}
    </div>
  );
}
