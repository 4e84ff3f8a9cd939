'use client';

import { ListError } from '@/components/list/list-error';

export default function KeysError({ reset }: { reset: () => void }) {
  return <ListError title="빌링키 목록" reset={reset} />;
}
