'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A list whose page failed to load (a route's error.tsx): what happened, and a retry. */
export function ListError({ title, reset }: { title: string; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <Alert tone="error" role="alert" title="목록을 불러오지 못했습니다.">
        <p>서버나 데이터베이스에 잠시 연결하지 못했을 수 있습니다. 잠시 후 다시 시도하세요.</p>
      </Alert>
      <Button variant="secondary" onClick={reset}>
        다시 시도
      </Button>
    </div>
  );
}
