import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { adminExists } from '@/lib/auth/staff';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SetupForm } from './_components/setup-form';

export const metadata: Metadata = { title: '초기 설정' };

/** Only while no admin exists; afterwards it sends everyone to the sign-in page. */
export default async function SetupPage() {
  if (await adminExists()) redirect('/login');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageHeader
        title="초기 설정: 첫 관리자 만들기"
        description="아직 관리자 계정이 없습니다. 첫 관리자를 만들면 이 화면은 사라지고, 다른 직원 계정은 관리자가 직원 관리 화면에서 만듭니다."
      />
      <Card className="p-5">
        <SetupForm />
      </Card>
    </div>
  );
}
