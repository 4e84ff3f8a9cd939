import { describe, expect, it, vi } from 'vitest';
import * as here from './errors';

/** A second copy of the module, as Next gives each route/page bundle its own. */
async function otherRealm(): Promise<typeof here> {
  vi.resetModules();
  return import('./errors?realm=2' as string) as Promise<typeof here>;
}

describe('Iamport errors across bundles', () => {
  it('match instanceof by kind even when thrown by another copy of the classes', async () => {
    const other = await otherRealm();
    expect(other.IamportNotFoundError).not.toBe(here.IamportNotFoundError);
    const notFound = new other.IamportNotFoundError('없음', 404);
    expect(notFound instanceof here.IamportNotFoundError).toBe(true);
    expect(notFound instanceof here.IamportError).toBe(true);
    expect(notFound instanceof here.IamportRejectedError).toBe(false);
    expect(new other.IamportRejectedError(-1, 'x', 'F112', 200) instanceof here.IamportRejectedError).toBe(true);
    expect(new other.IamportTimeoutError(10, true) instanceof here.IamportTimeoutError).toBe(true);
  });

  it('do not match plain errors or look-alikes without the brand', () => {
    expect(new Error('x') instanceof here.IamportError).toBe(false);
    expect({ kind: 'not_found' } instanceof here.IamportNotFoundError).toBe(false);
    expect((null as unknown as object) instanceof here.IamportError).toBe(false);
  });
});
