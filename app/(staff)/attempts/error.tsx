'use client';

import { ListError } from '@/components/list/list-error';

export default function AttemptsError({ reset }: { reset: () => void }) {
  return <ListError title="발급 시도" reset={reset} />;
}
