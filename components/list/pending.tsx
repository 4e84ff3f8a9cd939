'use client';

import { createContext, useContext, useTransition, type ReactNode, type TransitionStartFunction } from 'react';
import { cn } from '@/components/ui/cn';

const PendingContext = createContext<{ pending: boolean; start: TransitionStartFunction } | null>(null);

/** Shares one transition between a list's filter bar (which starts it) and its results (which dim). */
export function ListPendingProvider({ children }: { children: ReactNode }) {
  const [pending, start] = useTransition();
  return <PendingContext.Provider value={{ pending, start }}>{children}</PendingContext.Provider>;
}

export function useListTransition() {
  const context = useContext(PendingContext);
  if (!context) throw new Error('useListTransition needs a ListPendingProvider');
  return context;
}

/** The results while a new query loads: still shown, dimmed, marked busy and announced. */
export function ListResults({ children }: { children: ReactNode }) {
  const { pending } = useListTransition();
  return (
    <div aria-busy={pending} className={cn('space-y-3 transition-opacity', pending && 'opacity-60')}>
      <p role="status" aria-live="polite" className="sr-only">
        {pending ? '결과를 불러오는 중입니다…' : ''}
      </p>
      {children}
    </div>
  );
}
