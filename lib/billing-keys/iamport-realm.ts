import 'server-only';
import {
  IamportError,
  IamportNotFoundError,
  IamportRejectedError,
  IamportTimeoutError,
  IamportUnauthorizedError,
  IamportUnavailableError,
} from '@/lib/iamport';

type Loose = Error & Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? value : null);

/**
 * The process keeps one Iamport client on globalThis, but Next bundles route handlers and pages
 * separately, each with its own copy of the error classes: an error thrown by a client created in
 * another bundle fails `instanceof` here. This rebuilds it as this bundle's class, by its `kind`.
 */
export function sameRealm(error: unknown): unknown {
  if (error instanceof IamportError || !(error instanceof Error) || !('kind' in error)) return error;
  const loose = error as Loose;
  switch (loose.kind) {
    case 'rejected':
      return new IamportRejectedError(num(loose.iamportCode) ?? -1, str(loose.iamportMessage), str(loose.pgCode) || null, num(loose.httpStatus) ?? 200);
    case 'not_found':
      return new IamportNotFoundError(str(loose.iamportMessage), num(loose.httpStatus) ?? 404);
    case 'unauthorized':
      return new IamportUnauthorizedError(str(loose.iamportMessage));
    case 'unavailable':
      return new IamportUnavailableError(str(loose.reason) || loose.message, num(loose.httpStatus));
    case 'timeout':
      return new IamportTimeoutError(num(loose.timeoutMs) ?? 0, loose.outcomeUnknown === true);
    default:
      return error;
  }
}
