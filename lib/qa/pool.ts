import 'server-only';

/** Runs `work` over `items` with at most `limit` at a time; resolves when all are done. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * Coalesces writes: `schedule` asks for one, and at most one runs at a time with one more queued,
 * so a burst of finished cells costs two writes, not one each. `flush` waits for the queue.
 */
export function coalescedWriter(write: () => Promise<void>, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let dirty = false;
  const loop = async () => {
    while (dirty) {
      dirty = false;
      await write().catch(onError);
    }
    running = null;
  };
  return {
    schedule() {
      dirty = true;
      running ??= loop();
    },
    async flush() {
      while (running) await running;
    },
  };
}
