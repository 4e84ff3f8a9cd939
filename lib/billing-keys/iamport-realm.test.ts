import { describe, expect, it } from 'vitest';
import { IamportNotFoundError, IamportRejectedError, IamportTimeoutError, IamportUnavailableError } from '@/lib/iamport';
import { toAppError } from './errors';
import { sameRealm } from './iamport-realm';

/** What an error of another bundle's copy of the classes looks like from here: same shape, other class. */
function foreign(kind: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error('foreign'), { kind, ...fields });
}

describe('sameRealm', () => {
  it('rebuilds errors of another bundle as this bundle’s classes, so instanceof and toAppError work', () => {
    const notFound = sameRealm(foreign('not_found', { iamportMessage: '없음', httpStatus: 200 }));
    expect(notFound).toBeInstanceOf(IamportNotFoundError);
    expect((notFound as IamportNotFoundError).httpStatus).toBe(200);

    const unavailable = sameRealm(foreign('unavailable', { reason: 'HTTP 500', httpStatus: 500 }));
    expect(unavailable).toBeInstanceOf(IamportUnavailableError);
    expect(toAppError(unavailable, 'read')).toMatchObject({ code: 'upstream_unavailable' });

    const rejected = sameRealm(foreign('rejected', { iamportCode: -1, iamportMessage: '[F114]거절', pgCode: 'F114', httpStatus: 200 }));
    expect(rejected).toBeInstanceOf(IamportRejectedError);
    expect((rejected as IamportRejectedError).pgCode).toBe('F114');

    expect(sameRealm(foreign('timeout', { timeoutMs: 10, outcomeUnknown: false }))).toBeInstanceOf(IamportTimeoutError);
  });

  it('leaves everything else alone', () => {
    const own = new IamportNotFoundError('x', 404);
    expect(sameRealm(own)).toBe(own);
    const plain = new Error('plain');
    expect(sameRealm(plain)).toBe(plain);
    const odd = foreign('meteor', {});
    expect(sameRealm(odd)).toBe(odd);
    expect(sameRealm('text')).toBe('text');
  });
});
