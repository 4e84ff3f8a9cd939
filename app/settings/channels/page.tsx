import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { ChannelSettingsForm } from './_components/channel-settings-form';

export const metadata: Metadata = { title: '채널 설정' };

export default async function ChannelSettingsPage() {
  await requirePageActor('settings.manage', '/settings/channels');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">채널 설정</h1>
        <p className="mt-1 text-sm text-slate-700">
          Iamport에 설정된 PG 채널(<code className="font-mono">GET /users/pg</code>)을 지금 그대로 보여 줍니다. 발급
          화면이 먼저 고를 기본 채널과, 상담원에게 보이지 않을 채널을 정하세요. 숨긴 채널로는 상담원이 발급할 수
          없습니다. 모든 변경은 감사 기록에 남습니다.
        </p>
      </div>
      <ChannelSettingsForm />
    </div>
  );
}
