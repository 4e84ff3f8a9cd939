import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPglite } from './client';

describe('embedded PGlite', () => {
  it('starts with the buffer cache it is given, 64MB unless told', async () => {
    for (const [given, shown] of [
      [undefined, '64MB'],
      ['8MB', '8MB'],
    ] as const) {
      const handle = await openPglite(null, given ? { sharedBuffers: given } : {});
      try {
        const result = await handle.db.execute<{ shared_buffers: string }>(sql`show shared_buffers`);
        expect(result.rows[0]?.shared_buffers).toBe(shown);
      } finally {
        await handle.close();
      }
    }
  }, 60_000);
});
