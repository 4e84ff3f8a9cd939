'use client';

import { useState } from 'react';
import { Button } from './ui/button';

/** Copies a value; the result is announced to screen readers. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="xs" onClick={copy} aria-label={label}>
        복사
      </Button>
      <span role="status" className="text-xs text-slate-700">
        {state === 'copied' ? '복사됨' : state === 'failed' ? '복사하지 못했습니다. 직접 선택해 복사하세요.' : ''}
      </span>
    </span>
  );
}
