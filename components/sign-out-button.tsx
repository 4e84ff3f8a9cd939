'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { api, loadPage } from '@/lib/client/api';

/** Ends this browser's session and goes to the sign-in page; `busy` while the call is out. */
export function useSignOut() {
  const [busy, setBusy] = useState(false);
  const signOut = () => {
    setBusy(true);
    // Even if the call fails (session already gone), the sign-in page is the right place.
    void api
      .signOut()
      .catch(() => null)
      .then(() => loadPage('/login?notice=signed_out'));
  };
  return { busy, signOut };
}

export function SignOutButton({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const { busy, signOut } = useSignOut();
  return (
    <Button variant="secondary" size={size} disabled={busy} onClick={signOut}>
      {busy ? '로그아웃 중…' : '로그아웃'}
    </Button>
  );
}
