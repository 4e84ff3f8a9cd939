'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { LoginForm } from '@/components/login-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { api, ApiError, type AccountView } from '@/lib/client/api';

/** The warning shows this long before an idle end. */
export const SESSION_WARNING_MS = 60_000;
/** At most one keep-alive call per this interval while the agent types (the server records activity every 30 s). */
const KEEP_ALIVE_EVERY_MS = 30_000;

export interface SessionClock {
  /** Browser time (Date.now()) at which the session ends without activity, and at the latest. */
  idleEndsAt: number;
  endsAt: number;
  idleTimeoutMs: number;
}

const clockOf = (account: AccountView): SessionClock => {
  const now = Date.now();
  return {
    idleEndsAt: now + account.session.idleRemainingMs,
    endsAt: now + account.session.remainingMs,
    idleTimeoutMs: account.session.idleTimeoutMs,
  };
};

/**
 * The session as the issue form sees it: when it ends (from the server, as durations, so the
 * browser's clock does not matter), activity that extends it, and whether it has ended.
 */
export function useSessionKeeper() {
  const [clock, setClock] = useState<SessionClock | null>(null);
  const [email, setEmail] = useState<string | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  // The sign-in dialog can be closed (to read the form); the next "signed out" opens it again.
  const [dismissed, setDismissed] = useState(false);
  const lastCall = useRef(0);
  const end = useCallback(() => {
    setEnded(true);
    setDismissed(false);
  }, []);

  const refresh = useCallback(async () => {
    lastCall.current = Date.now();
    try {
      const account = await api.account();
      setClock(clockOf(account));
      setEmail(account.actor.email);
      setEnded(false);
    } catch (error) {
      // Only an answer that says "signed out" ends it; a network blip is not an expiry.
      if (error instanceof ApiError && error.status === 401) end();
    }
  }, [end]);

  useEffect(() => {
    void refresh(); // eslint-disable-line react-hooks/set-state-in-effect -- its state is set after the answer
  }, [refresh]);

  /** Typing in the form: the agent is working, so the session is kept alive (at most every 30 s). */
  const noteActivity = useCallback(() => {
    if (ended || Date.now() - lastCall.current < KEEP_ALIVE_EVERY_MS) return;
    void refresh();
  }, [ended, refresh]);

  const signedIn = useCallback((account: AccountView) => {
    setClock(clockOf(account));
    setEmail(account.actor.email);
    setEnded(false);
    lastCall.current = Date.now();
  }, []);

  return {
    clock,
    email,
    ended,
    promptOpen: ended && !dismissed,
    dismiss: () => setDismissed(true),
    refresh,
    noteActivity,
    markEnded: end,
    signedIn,
  };
}

/**
 * A minute before an idle end: a warning with 계속 (which extends the session). At the end, the
 * server is asked once more (another tab may have kept it alive); "signed out" opens the sign-in.
 */
export function SessionWarning({ clock, onContinue }: { clock: SessionClock | null; onContinue: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const idleLeft = clock ? clock.idleEndsAt - now : Infinity;
  const expired = idleLeft <= 0;
  const checked = useRef<number | null>(null);
  useEffect(() => {
    if (!expired || !clock || checked.current === clock.idleEndsAt) return;
    checked.current = clock.idleEndsAt;
    onContinue();
  }, [expired, clock, onContinue]);
  if (!clock || idleLeft > SESSION_WARNING_MS || expired) return null;
  // Near the absolute limit activity cannot help: say so instead of offering 계속.
  const final = clock.endsAt <= clock.idleEndsAt;
  const seconds = Math.max(1, Math.ceil(idleLeft / 1_000));
  return (
    <Alert tone="warning" role="alert" title={`${seconds}초 뒤 로그인이 끝납니다`} className="flex flex-col gap-2">
      {final ? (
        <p>최대 로그인 시간이 끝나 갑니다. 끝나면 이 화면에서 다시 로그인하세요. 입력한 내용은 그대로 남습니다.</p>
      ) : (
        <>
          <p>{Math.round(clock.idleTimeoutMs / 60_000)}분 동안 입력이 없었습니다. 계속 일하려면 계속을 누르세요.</p>
          <div>
            <Button variant="secondary" onClick={onContinue}>
              계속
            </Button>
          </div>
        </>
      )}
    </Alert>
  );
}

/**
 * Signing in again over the form: the form (card fields included, only in memory) stays as it is
 * and, when a submission was cut off, is sent again with the same idempotency key.
 */
export function SignInDialog({
  open,
  email,
  resubmits,
  onOpenChange,
  onSignedIn,
}: {
  open: boolean;
  email: string | undefined;
  resubmits: boolean;
  onOpenChange: (open: boolean) => void;
  onSignedIn: (account: AccountView) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="다시 로그인하세요"
        description={
          resubmits
            ? '로그인이 끝나 발급 요청을 보내지 못했습니다. 다시 로그인하면 입력한 내용 그대로 한 번만 다시 요청합니다.'
            : '로그인 시간이 끝났습니다. 입력한 내용은 이 화면에 그대로 있습니다. 다시 로그인하면 이어서 할 수 있습니다.'
        }
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          document.getElementById(email ? 'login-password' : 'login-email')?.focus();
        }}
      >
        <LoginForm next="/keys/new" email={email} onSignedIn={onSignedIn} />
      </DialogContent>
    </Dialog>
  );
}
