import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/session';
import { linkSettingsView } from '@/lib/links/settings';
import { LinkSettingsForm } from './_components/link-settings-form';

export const metadata: Metadata = { title: '링크 설정' };

export default async function LinkSettingsPage() {
  await requirePageActor('settings.manage', '/settings/links');
  const view = await linkSettingsView();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="카드 등록 링크 설정"
        description="고객의 카드 등록 화면에 보일 가맹점 이름, 안내 문구와 약관, 링크의 유효 시간입니다. 변경은 감사 기록에 남습니다."
      />
      <section
        aria-labelledby="delivery-title"
        className="space-y-2 rounded-xl border border-slate-300 bg-white p-4 text-sm"
      >
        <h2 id="delivery-title" className="text-base font-bold text-slate-900">
          보내는 방법 (환경 변수)
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>복사 / QR 코드: 항상 사용할 수 있습니다.</li>
          <li>이메일: {view.email ? '설정됨 (SMTP_URL)' : '설정되지 않음 — SMTP_URL, SMTP_FROM을 설정하세요.'}</li>
          <li>
            문자/알림톡 웹훅:{' '}
            {view.webhook
              ? '설정됨 (LINK_WEBHOOK_URL)'
              : '설정되지 않음 — LINK_WEBHOOK_URL, LINK_WEBHOOK_SECRET을 설정하세요.'}
          </li>
          <li>
            공개 주소:{' '}
            {view.publicUrl ??
              '설정되지 않음 (PUBLIC_URL) — 상담원의 접속 주소를 씁니다. 실거래 운영 모드에서는 링크를 만들 수 없습니다.'}
          </li>
        </ul>
      </section>
      <LinkSettingsForm view={view} />
    </div>
  );
}
