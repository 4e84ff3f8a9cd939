'use client';

import { useMutation } from '@tanstack/react-query';
import { dangerButtonClass, FormAlert, sectionClass } from '@/components/auth-ui';
import { SignOutButton } from '@/components/sign-out-button';
import { authApi, AuthApiError, loadPage } from '@/lib/client/auth-api';

/** Sign out here, or everywhere (every browser where this account is signed in). */
export function SessionsPanel({ idleMinutes, maxHours }: { idleMinutes: number; maxHours: number }) {
  const everywhere = useMutation({
    mutationFn: authApi.signOutEverywhere,
    onSuccess: () => loadPage('/login?notice=everywhere'),
  });
  return (
    <section aria-labelledby="sessions-heading" className={sectionClass}>
      <h2 id="sessions-heading" className="text-lg font-semibold">
        로그인 세션
      </h2>
      <p className="text-sm text-slate-800">
        {idleMinutes}분 동안 아무 작업이 없으면 다시 로그인해야 하고, 로그인한 지 {maxHours}시간이 지나면 작업 중이어도
        다시 로그인해야 합니다. 기억나지 않는 곳에서 로그인했을 수 있으면 모든 기기에서 로그아웃하세요.
      </p>
      <FormAlert>
        {everywhere.error instanceof AuthApiError
          ? everywhere.error.message
          : everywhere.error
            ? '로그아웃하지 못했습니다.'
            : null}
      </FormAlert>
      <div className="flex flex-wrap gap-3">
        <SignOutButton />
        <button
          type="button"
          disabled={everywhere.isPending}
          onClick={() => everywhere.mutate()}
          className={dangerButtonClass}
        >
          {everywhere.isPending ? '로그아웃 중…' : '모든 기기에서 로그아웃'}
        </button>
      </div>
    </section>
  );
}
