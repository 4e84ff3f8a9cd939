import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { FormStatus } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { noticeFrom, type PageSearchParams } from '@/app/(staff)/_components/page-notice';
import { getPageAuthState } from '@/lib/auth/session';
import { adminExists } from '@/lib/auth/staff';
import { safeNextPath } from '@/lib/validations/auth';
import { LoginForm } from '@/components/login-form';

export const metadata: Metadata = { title: '로그인' };

const NOTICES: Record<string, string> = {
  created: '관리자 계정을 만들었습니다. 방금 정한 이메일과 비밀번호로 로그인하세요.',
  signed_out: '로그아웃했습니다.',
  everywhere: '모든 기기에서 로그아웃했습니다. 다시 로그인하세요.',
  password: '비밀번호를 바꿨습니다.',
};

export default async function LoginPage({ searchParams }: { searchParams: PageSearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : null);
  if (!(await adminExists())) redirect('/setup');
  const state = await getPageAuthState();
  if (state) redirect(state.mustEnrollTwoFactor ? '/settings/security?required=1' : next);
  const notice = noticeFrom(params, NOTICES);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader title="로그인" description="카드 정보를 다루는 콘솔입니다. 본인 계정으로만 로그인하세요." />
      <FormStatus>{notice}</FormStatus>
      <Card className="p-5">
        <LoginForm next={next} />
      </Card>
    </div>
  );
}
