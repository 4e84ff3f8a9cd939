'use client';

import { useMutation } from '@tanstack/react-query';
import { SignOutButton } from '@/components/sign-out-button';
import { FormAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { api, ApiError, loadPage } from '@/lib/client/api';

/** Sign out here, or everywhere (every browser where this account is signed in). */
export function SessionsPanel({ idleMinutes, maxHours }: { idleMinutes: number; maxHours: number }) {
  const everywhere = useMutation({
    mutationFn: api.signOutEverywhere,
    onSuccess: () => loadPage('/login?notice=everywhere'),
  });
  return (
    <CardSection id="sessions-heading" title="로그인 세션">
      <p className="text-sm text-slate-800">
        {idleMinutes}분 동안 아무 작업이 없으면 다시 로그인해야 하고, 로그인한 지 {maxHours}시간이 지나면 작업 중이어도
        다시 로그인해야 합니다. 기억나지 않는 곳에서 로그인했을 수 있으면 모든 기기에서 로그아웃하세요.
      </p>
      <FormAlert>
        {everywhere.error instanceof ApiError
          ? everywhere.error.message
          : everywhere.error
            ? '로그아웃하지 못했습니다.'
            : null}
      </FormAlert>
      <div className="flex flex-wrap gap-3">
        <SignOutButton />
        <Button variant="danger-outline" disabled={everywhere.isPending} onClick={() => everywhere.mutate()}>
          {everywhere.isPending ? '로그아웃 중…' : '모든 기기에서 로그아웃'}
        </Button>
      </div>
    </CardSection>
  );
}
