import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { getPageAuthState } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/validations/auth';

export const metadata: Metadata = { title: '권한 없음' };

/** Where `requirePageActor` sends a signed-in person whose role lacks the page's permission (403). */
export default async function AccessDeniedPage() {
  const state = await getPageAuthState().catch(() => null);
  return (
    <div className="space-y-4">
      <PageHeader
        title="이 화면을 볼 권한이 없습니다"
        description={
          <span className="break-words">
            {state
              ? `${state.actor.email} 계정의 역할(${ROLE_LABELS[state.actor.role]})로는 이 화면을 쓸 수 없습니다. 필요하면 관리자에게 역할 변경을 요청하세요.`
              : '로그인한 뒤 다시 시도하세요.'}
          </span>
        }
      />
      <p>
        <Link href={state ? '/' : '/login'} className="text-blue-700 underline">
          {state ? '첫 화면으로' : '로그인'}
        </Link>
      </p>
    </div>
  );
}
