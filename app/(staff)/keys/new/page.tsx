import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { canAny } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { IssueModeNav } from '@/components/issue-mode-nav';
import { IssueForm } from './_components/issue-form';

export const metadata: Metadata = { title: '빌링키 발급' };

export default async function NewBillingKeyPage() {
  const actor = await requirePageActor(['keys.issue', 'keys.issue.test_only'], '/keys/new');
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title="빌링키 발급"
        description="고객이 불러 주는 카드 정보를 입력하세요. 카드 정보는 발급 요청에만 쓰이고 저장되지 않습니다."
      />
      {canAny(actor.role, ['links.send', 'links.send.test_only']) && <IssueModeNav current="self" />}
      <IssueForm />
    </div>
  );
}
