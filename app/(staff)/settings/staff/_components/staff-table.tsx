'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert, FormStatus } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { NativeSelect } from '@/components/ui/native-select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
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
      <div className="-mx-4 overflow-x-auto sm:mx-0">
        <Table caption="직원 계정 목록: 이메일, 이름, 역할, 상태, 2단계 인증, 작업" cards>
          <THead>
            <tr>
              <TH>이메일</TH>
              <TH>이름</TH>
              <TH>역할</TH>
              <TH>상태</TH>
              <TH>2단계 인증</TH>
              <TH>작업</TH>
            </tr>
          </THead>
          <TBody>
            {staff.map((member) => (
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
          </TBody>
        </Table>
      </div>
    </CardSection>
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
    <TR tone={member.active ? undefined : 'muted'}>
      <th scope="row" data-primary="" className="break-all">
        {member.email}
        {self && <span className="ml-1 text-xs font-normal text-slate-700">(나)</span>}
      </th>
      <TD label="이름">{member.name}</TD>
      <TD label="역할">
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
              onClick={() => onChange({ role })}
              aria-label={`${member.email} 역할 변경`}
            >
              역할 변경
            </Button>
          )}
        </div>
      </TD>
      <TD label="상태">{member.active ? <Badge tone="green">활성</Badge> : <Badge tone="slate">비활성</Badge>}</TD>
      <TD label="2단계 인증">{member.twoFactorEnabled ? '켜짐' : '꺼짐'}</TD>
      <TD label="작업">
        {self ? (
          <span className="text-xs text-slate-700">본인 계정은 다른 관리자가 바꿉니다</span>
        ) : member.active ? (
          <Button
            variant="danger-outline"
            size="sm"
            disabled={busy}
            onClick={() => onChange({ active: false })}
            aria-label={`${member.email} 비활성화`}
          >
            비활성화
          </Button>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={busy}
            onClick={() => onChange({ active: true })}
            aria-label={`${member.email} 다시 활성화`}
          >
            다시 활성화
          </Button>
        )}
      </TD>
    </TR>
  );
}
