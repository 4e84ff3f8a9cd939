import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { getSecuritySettings } from '@/lib/auth/settings';
import { listStaff } from '@/lib/auth/staff';
import { PageHeader } from '@/components/ui/page-header';
import { CreateStaffForm } from './_components/create-staff-form';
import { SecurityPolicyForm } from './_components/security-policy-form';
import { StaffTable } from './_components/staff-table';

export const metadata: Metadata = { title: '직원 관리' };

export default async function StaffPage() {
  const actor = await requirePageActor('staff.manage', '/settings/staff');
  const [staff, settings] = await Promise.all([listStaff(), getSecuritySettings()]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="직원 관리"
        description="직원 계정을 만들고 역할을 정합니다. 비활성화하면 그 직원의 모든 세션이 바로 끝나고 로그인할 수 없습니다. 모든 변경은 감사 기록에 남습니다."
      />
      <SecurityPolicyForm settings={settings} />
      <CreateStaffForm />
      <StaffTable staff={staff} currentUserId={actor.id} />
    </div>
  );
}
