'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert, FormStatus } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import type { SecuritySettings } from '@/lib/auth/settings';
import { api, ApiError } from '@/lib/client/api';

/** The admin's "require 2FA for everyone" switch; saved explicitly, audited on the server. */
export function SecurityPolicyForm({ settings }: { settings: SecuritySettings }) {
  const [saved, setSaved] = useState(settings.requireTwoFactor);
  const [checked, setChecked] = useState(saved);
  const [status, setStatus] = useState('');
  const save = useMutation({
    mutationFn: (requireTwoFactor: boolean) => api.updateSecuritySettings({ requireTwoFactor }),
    onSuccess: (next) => {
      // No router.refresh(): with the rule on, an admin without 2FA would be redirected to enrolment
      // by the refreshed page before reading this status; the next page load applies the rule.
      setSaved(next.requireTwoFactor);
      setStatus(
        next.requireTwoFactor
          ? '저장했습니다. 2단계 인증이 없는 직원은 다음 화면부터 설정 화면으로 안내됩니다.'
          : '저장했습니다. 2단계 인증은 이제 각자 선택입니다.',
      );
    },
  });

  return (
    <CardSection id="policy-heading" title="보안 정책">
      <form
        method="post"
        onSubmit={(event) => {
          event.preventDefault();
          setStatus('');
          save.mutate(checked);
        }}
        className="space-y-3"
      >
        <div className="flex items-start gap-2">
          <Checkbox
            id="require-two-factor"
            checked={checked}
            onChange={(event) => setChecked(event.target.checked)}
            aria-describedby="require-two-factor-hint"
            className="mt-1"
          />
          <div>
            <label htmlFor="require-two-factor" className="font-medium">
              모든 직원에게 2단계 인증(TOTP) 요구
            </label>
            <p id="require-two-factor-hint" className="text-sm text-slate-700">
              켜면 2단계 인증을 설정하지 않은 직원은 로그인 뒤 설정을 마칠 때까지 다른 화면을 쓸 수 없습니다. 현재:{' '}
              <strong>{saved ? '요구함' : '요구하지 않음'}</strong>
            </p>
          </div>
        </div>
        <FormAlert>
          {save.error instanceof ApiError ? save.error.message : save.error ? '저장하지 못했습니다.' : null}
        </FormAlert>
        <Button type="submit" disabled={save.isPending || checked === saved}>
          {save.isPending ? '저장 중…' : '보안 정책 저장'}
        </Button>
        <FormStatus>{status}</FormStatus>
      </form>
    </CardSection>
  );
}
