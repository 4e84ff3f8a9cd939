'use client';

import { useRouter } from 'next/navigation';
import { useTransition, type ReactNode } from 'react';
import { Button } from './ui/button';

/** Reads the page again on the server (after a failed load), keeping what the browser holds. */
export function RefreshButton({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => start(() => router.refresh())}>
      {pending ? '불러오는 중…' : children}
    </Button>
  );
}
