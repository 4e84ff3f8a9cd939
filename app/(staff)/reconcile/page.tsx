import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import { reconcileOverview } from '@/lib/billing-keys/reconcile';
import { PageHeader } from '@/components/ui/page-header';
import { ReconcilePanel } from './_components/reconcile-panel';

export const metadata: Metadata = { title: 'Iamport 대조' };

export default async function ReconcilePage() {
  const actor = await requirePageActor('keys.view', '/reconcile');
  const overview = await reconcileOverview();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Iamport 대조"
        description="콘솔에 활성으로 기록된 빌링키를 Iamport에 100개씩 조회해, 콘솔 밖에서 카드가 바뀌었거나 삭제된 키를 찾습니다. 카드번호(마스킹), 카드사 코드, 변경 시각을 비교합니다."
      />
      <ReconcilePanel overview={overview} canRun={can(actor.role, 'keys.delete')} />
    </div>
  );
}
