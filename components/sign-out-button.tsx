'use client';

import { useState } from 'react';
import { authApi, loadPage } from '@/lib/client/auth-api';
import { secondaryButtonClass } from './auth-ui';

/** Ends this browser's session and goes to the sign-in page. */
export function SignOutButton({ className = secondaryButtonClass }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      className={className}
      onClick={() => {
        setBusy(true);
        // Even if the call fails (session already gone), the sign-in page is the right place.
        void authApi
          .signOut()
          .catch(() => null)
          .then(() => loadPage('/login?notice=signed_out'));
      }}
    >
      {busy ? '로그아웃 중…' : '로그아웃'}
    </button>
  );
}
