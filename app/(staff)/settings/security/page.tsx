import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Alert, FormStatus } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { noticeFrom, type PageSearchParams } from '@/app/(staff)/_components/page-notice';
import { getPageAuthState, requirePageActor } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { ROLE_LABELS } from '@/lib/validations/auth';
import { ChangePasswordForm } from './_components/change-password-form';
import { SessionsPanel } from './_components/sessions-panel';
import { TwoFactorPanel } from './_components/two-factor-panel';

export const metadata: Metadata = { title: '보안 설정' };

/** Own account: second factor, password, sessions. Reachable while the 2FA policy holds the account here. */
const NOTICES: Record<string, string> = {
  two_factor_on: '2단계 인증을 켰습니다. 다음 로그인부터 인증 코드를 물어봅니다.',
  two_factor_off: '2단계 인증을 껐습니다.',
};

export default async function SecurityPage({ searchParams }: { searchParams: PageSearchParams }) {
  const params = await searchParams;
  const notice = noticeFrom(params, NOTICES);
  await requirePageActor('account.self', '/settings/security', { allowPendingTwoFactor: true });
  const state = await getPageAuthState();
  const env = getEnv();
  if (!state) redirect('/login?next=%2Fsettings%2Fsecurity');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="보안 설정"
        description={
          <span className="break-all">
            {state.name} · {state.actor.email} · {ROLE_LABELS[state.actor.role]}
          </span>
        }
      />
      <FormStatus>{notice}</FormStatus>
      {state.mustEnrollTwoFactor && (
        <Alert tone="warning" role="alert" className="text-base">
          관리자가 모든 직원에게 2단계 인증을 요구합니다. 아래에서 2단계 인증 설정을 마쳐야 다른 화면을 쓸 수 있습니다.
        </Alert>
      )}
      <TwoFactorPanel enabled={state.twoFactorEnabled} requiredByPolicy={state.requireTwoFactor} />
      <ChangePasswordForm email={state.actor.email} />
      <SessionsPanel idleMinutes={env.AUTH_IDLE_TIMEOUT_MINUTES} maxHours={env.AUTH_SESSION_MAX_HOURS} />
    </div>
  );
}
