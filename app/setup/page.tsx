import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getAuthRuntime } from '@/lib/auth/auth';
import { adminExists } from '@/lib/auth/staff';
import { SetupForm } from './_components/setup-form';

export const metadata: Metadata = { title: '초기 설정' };

/** Only while no admin exists; afterwards it sends everyone to the sign-in page. */
export default async function SetupPage() {
  const { db } = await getAuthRuntime();
  if (await adminExists(db)) redirect('/login');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-bold">초기 설정: 첫 관리자 만들기</h1>
        <p className="mt-1 text-sm text-slate-700">
          아직 관리자 계정이 없습니다. 첫 관리자를 만들면 이 화면은 사라지고, 다른 직원 계정은 관리자가 직원 관리
          화면에서 만듭니다.
        </p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5">
        <SetupForm />
      </div>
    </div>
  );
}
