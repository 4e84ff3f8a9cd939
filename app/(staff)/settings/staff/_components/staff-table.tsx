'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert, FormStatus } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { NativeSelect } from '@/components/ui/native-select';
import { DataTable } from '@/components/ui/table';
import type { StaffView } from '@/lib/auth/staff';
import { api, ApiError } from '@/lib/client/api';
import { ROLE_LABELS, ROLES, type Role, type StaffUpdateInput } from '@/lib/validations/auth';

/** Every account, with role change and deactivation/reactivation per row; the list is read on the server. */
export function StaffTable({ staff, currentUserId }: { staff: StaffView[]; currentUserId: string }) {
  const router = useRouter();
  const [status, setStatus] = useState('');
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: StaffUpdateInput }) => api.updateStaff(id, change),
    onSuccess: (updated, { change }) => {
      router.refresh();
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
  const change = (member: StaffView, change: StaffUpdateInput) => {
    setStatus('');
    update.mutate({ id: member.id, change });
  };

  return (
    <CardSection
      id="staff-list-heading"
      title={
        <>
          직원 목록 <span className="text-sm font-normal text-slate-700">({staff.length}명)</span>
        </>
      }
    >
      <FormAlert>
        {update.error instanceof ApiError ? update.error.message : update.error ? '변경하지 못했습니다.' : null}
      </FormAlert>
      <FormStatus>{status}</FormStatus>
      <DataTable
        label="직원 계정 표"
        caption="직원 계정 목록: 이메일, 이름, 역할, 상태, 2단계 인증, 작업"
        rows={staff}
        rowTone={(member) => (member.active ? undefined : 'muted')}
        columns={[
          {
            header: '이메일',
            rowHeader: true,
            primary: true,
            className: 'break-all',
            cell: (member) => (
              <>
                {member.email}
                {member.id === currentUserId && <span className="ml-1 text-xs font-normal text-slate-700">(나)</span>}
              </>
            ),
          },
          { header: '이름', cell: (member) => member.name },
          {
            header: '역할',
            cell: (member) => (
              <RoleChange
                member={member}
                self={member.id === currentUserId}
                busy={update.isPending}
                onChange={(role) => change(member, { role })}
              />
            ),
          },
          {
            header: '상태',
            cell: (member) => (member.active ? <Badge tone="green">활성</Badge> : <Badge tone="slate">비활성</Badge>),
          },
          { header: '2단계 인증', cell: (member) => (member.twoFactorEnabled ? '켜짐' : '꺼짐') },
          {
            header: '작업',
            cell: (member) =>
              member.id === currentUserId ? (
                <span className="text-xs text-slate-700">본인 계정은 다른 관리자가 바꿉니다</span>
              ) : member.active ? (
                <Button
                  variant="danger-outline"
                  size="sm"
                  disabled={update.isPending}
                  onClick={() => change(member, { active: false })}
                  aria-label={`${member.email} 비활성화`}
                >
                  비활성화
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={update.isPending}
                  onClick={() => change(member, { active: true })}
                  aria-label={`${member.email} 다시 활성화`}
                >
                  다시 활성화
                </Button>
              ),
          },
        ]}
      />
    </CardSection>
  );
}

/** The role picker of one account, with its own pending choice; one's own role is changed by another admin. */
function RoleChange({
  member,
  self,
  busy,
  onChange,
}: {
  member: StaffView;
  self: boolean;
  busy: boolean;
  onChange: (role: Role) => void;
}) {
  const [role, setRole] = useState<Role>(member.role);
  const selectId = `role-${member.id}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        {member.email}의 역할
      </label>
      <NativeSelect
        id={selectId}
        size="sm"
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        disabled={self || busy}
        className="w-auto"
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </NativeSelect>
      {!self && (
        <Button
          variant="secondary"
          size="sm"
          disabled={busy || role === member.role}
          onClick={() => onChange(role)}
          aria-label={`${member.email} 역할 변경`}
        >
          역할 변경
        </Button>
      )}
    </div>
  );
}
