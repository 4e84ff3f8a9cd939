import { describe, expect, it } from 'vitest';
import type { CustomerAnnotation } from '@/lib/iamport/types';
import { createDbSandboxStore } from '@/lib/runtime/sandbox-store';
import { sandboxKeys } from '@/lib/db/schema';
import { suiteDatabase, testEngines } from '@/lib/testing/db';

const annotation = (uid: string, card: string) =>
  ({ customer_uid: uid, pg_provider: 'nice', pg_id: 'nictest04m', card_number: card }) as unknown as CustomerAnnotation;

describe.each(testEngines())('the in-app sandbox store on $name', (engine) => {
  const handle = suiteDatabase(engine);
  const store = () => createDbSandboxStore(async () => handle.db);

  it('answers the first present key in the order asked, in one look-up', async () => {
    const s = store();
    await s.set(':first_b', annotation('first', '5272****0002'));
    expect(await s.getFirst([':first_a', ':first_b'])).toEqual({
      key: ':first_b',
      value: annotation('first', '5272****0002'),
    });
    await s.set(':first_a', annotation('first', '5272****0001'));
    expect((await s.getFirst([':first_a', ':first_b']))?.key).toBe(':first_a');
    expect((await s.getFirst([':first_b', ':first_a']))?.key).toBe(':first_b');
    expect(await s.getFirst([':none_a', ':none_b'])).toBeUndefined();
    expect(await s.getFirst([])).toBeUndefined();
  });

  it('stores a key and removes the one it replaces in the same step; overwrites in place', async () => {
    const s = store();
    await s.set('group|:swap', annotation('swap', 'group'));
    await s.set(':swap', annotation('swap', '5272****0004'), 'group|:swap');
    expect(await s.get('group|:swap')).toBeUndefined();
    expect(await s.get(':swap')).toEqual(annotation('swap', '5272****0004'));
    await s.set(':swap', annotation('swap', '4000****0005'), 'group|:swap');
    expect(await s.get(':swap')).toEqual(annotation('swap', '4000****0005'));
    const rows = (await handle.db.select().from(sandboxKeys)).filter((row) => row.key.endsWith(':swap'));
    expect(rows).toHaveLength(1);
    expect(await s.delete(':swap')).toBe(true);
    expect(await s.delete(':swap')).toBe(false);
  });
});
