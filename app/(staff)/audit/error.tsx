'use client';

import { ListError } from '@/components/list/list-error';

export default function AuditError({ reset }: { reset: () => void }) {
  return <ListError title="감사 기록" reset={reset} />;
}
