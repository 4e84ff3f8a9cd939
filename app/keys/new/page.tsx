import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { IssueForm } from './_components/issue-form';

export const metadata: Metadata = { title: '빌링키 발급' };

export default async function NewBillingKeyPage() {
  await requirePageActor(['keys.issue', 'keys.issue.test_only'], '/keys/new');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">빌링키 발급</h1>
        <p className="mt-1 text-sm text-slate-700">
          고객이 불러 주는 카드 정보를 입력하세요. 카드 정보는 발급 요청에만 쓰이고 저장되지 않습니다.
        </p>
      </div>
      <IssueForm />
    </div>
  );
}
