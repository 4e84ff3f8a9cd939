'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dangerButtonClass, FormAlert, FormStatus, secondaryButtonClass, sectionClass } from '@/components/auth-ui';
import type { StaffView } from '@/lib/auth/staff';
import { authApi, AuthApiError, authQueryKeys } from '@/lib/client/auth-api';
import { ROLE_LABELS, ROLES, type Role, type StaffUpdateInput } from '@/lib/validations/auth';

/** Every account, with role change and deactivation/reactivation per row. */
export function StaffTable({ initialStaff, currentUserId }: { initialStaff: StaffView[]; currentUserId: string }) {
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: authQueryKeys.staff(), queryFn: authApi.listStaff, initialData: initialStaff });
  const [status, setStatus] = useState('');
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: StaffUpdateInput }) => authApi.updateStaff(id, change),
    onSuccess: (updated, { change }) => {
      void queryClient.invalidateQueries({ queryKey: authQueryKeys.staff() });
      setStatus(
        change.active === false
          ? `${updated.email} 계정을 비활성화했습니다. 그 계정의 모든 세션이 끝났습니다.`
          : change.active === true
            ? `${updated.email} 계정을 다시 활성화했습니다.`
            : `${updated.email}의 역할을 ${ROLE_LABELS[updated.role]}(으)로 바꿨습니다.`,
      );
    },
    onError: () => setStatus(''),
  });

  return (
    <section aria-labelledby="staff-list-heading" className={sectionClass}>
      <h2 id="staff-list-heading" className="text-lg font-semibold">
        직원 목록 <span className="text-sm font-normal text-slate-700">({staff.data.length}명)</span>
      </h2>
      <FormAlert>
        {update.error instanceof AuthApiError ? update.error.message : update.error ? '변경하지 못했습니다.' : null}
      </FormAlert>
      <FormStatus>{status}</FormStatus>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">직원 계정 목록: 이메일, 이름, 역할, 상태, 2단계 인증, 작업</caption>
          <thead className="border-b border-slate-300 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-3">
                이메일
              </th>
              <th scope="col" className="py-2 pr-3">
                이름
              </th>
              <th scope="col" className="py-2 pr-3">
                역할
              </th>
              <th scope="col" className="py-2 pr-3">
                상태
              </th>
              <th scope="col" className="py-2 pr-3">
                2단계 인증
              </th>
              <th scope="col" className="py-2">
                작업
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((member) => (
              <StaffRow
                key={member.id}
                member={member}
                self={member.id === currentUserId}
                busy={update.isPending}
                onChange={(change) => {
                  setStatus('');
                  update.mutate({ id: member.id, change });
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function StaffRow({
  member,
  self,
  busy,
  onChange,
}: {
  member: StaffView;
  self: boolean;
  busy: boolean;
  onChange: (change: StaffUpdateInput) => void;
}) {
  const [role, setRole] = useState<Role>(member.role);
  const selectId = `role-${member.id}`;
  return (
    <tr className="border-b border-slate-200 align-top">
      <th scope="row" className="py-2 pr-3 font-medium break-all">
        {member.email}
        {self && <span className="ml-1 text-xs font-normal text-slate-700">(나)</span>}
      </th>
      <td className="py-2 pr-3">{member.name}</td>
      <td className="py-2 pr-3">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={selectId} className="sr-only">
            {member.email}의 역할
          </label>
          <select
            id={selectId}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            disabled={self || busy}
            className="rounded-md border border-slate-400 bg-white px-2 py-1"
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
          {!self && (
            <button
              type="button"
              disabled={busy || role === member.role}
              onClick={() => onChange({ role })}
              className={secondaryButtonClass}
              aria-label={`${member.email} 역할 변경`}
            >
              역할 변경
            </button>
          )}
        </div>
      </td>
      <td className="py-2 pr-3">{member.active ? '활성' : '비활성'}</td>
      <td className="py-2 pr-3">{member.twoFactorEnabled ? '켜짐' : '꺼짐'}</td>
      <td className="py-2">
        {self ? (
          <span className="text-xs text-slate-700">본인 계정은 다른 관리자가 바꿉니다</span>
        ) : member.active ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => onChange({ active: false })}
            className={dangerButtonClass}
            aria-label={`${member.email} 비활성화`}
          >
            비활성화
          </button>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => onChange({ active: true })}
            className={secondaryButtonClass}
            aria-label={`${member.email} 다시 활성화`}
          >
            다시 활성화
          </button>
        )}
      </td>
    </tr>
  );
}
