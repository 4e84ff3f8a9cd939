import 'server-only';
import { pgReasonCode } from '@/lib/gateways/pg-code';

export type IamportErrorKind = 'rejected' | 'not_found' | 'unauthorized' | 'unavailable' | 'timeout';

/** Global-registry symbol: the same in every bundle Next builds, unlike the classes themselves. */
const IAMPORT_ERROR = Symbol.for('billing-key-console.iamport-error');

/**
 * Base of every error the Iamport client throws; `kind` lets callers switch without instanceof chains.
 * Next bundles route handlers and pages separately, each with its own copy of these classes, while
 * the client lives once on globalThis: `instanceof` therefore checks a brand and the kind, not the
 * class identity, so an error thrown by another bundle's client still matches.
 */
export abstract class IamportError extends Error {
  abstract readonly kind: IamportErrorKind;
  readonly [IAMPORT_ERROR] = true;
  /** Set on each concrete class; the base class matches every kind. */
  static readonly errorKind: IamportErrorKind | undefined = undefined;

  static [Symbol.hasInstance](this: { errorKind?: IamportErrorKind }, value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const branded = value as { [IAMPORT_ERROR]?: boolean; kind?: string };
    return branded[IAMPORT_ERROR] === true && (this.errorKind === undefined || branded.kind === this.errorKind);
  }
}

/** The base of one kind's error class: the kind `instanceof` checks, the error's `kind` and its `name`. */
function errorOfKind<const K extends IamportErrorKind>(kind: K, name: string) {
  abstract class ErrorOfKind extends IamportError {
    static override readonly errorKind: IamportErrorKind = kind;
    readonly kind: K = kind;
    constructor(message: string) {
      super(message);
      this.name = name;
    }
  }
  return ErrorOfKind;
}

/** Iamport (or the PG behind it) refused: non-zero code other than not-found. Message kept verbatim. */
export class IamportRejectedError extends errorOfKind('rejected', 'IamportRejectedError') {
  constructor(
    readonly iamportCode: number,
    readonly iamportMessage: string,
    /** The `[...]` part of the message, e.g. `F112`, when present. */
    readonly pgCode: string | null,
    readonly httpStatus: number,
  ) {
    super(iamportMessage || `Iamport code ${iamportCode}`);
  }
}

export class IamportNotFoundError extends errorOfKind('not_found', 'IamportNotFoundError') {
  constructor(
    readonly iamportMessage: string,
    readonly httpStatus: number,
  ) {
    super(iamportMessage || 'not found');
  }
}

export class IamportUnauthorizedError extends errorOfKind('unauthorized', 'IamportUnauthorizedError') {
  constructor(readonly iamportMessage: string) {
    super(iamportMessage || 'unauthorized');
  }
}

/**
 * Network error, 5xx, or a body that is not the envelope (HTML page, truncated JSON). For an
 * issuance, `outcomeUnknown` is true once the request may have reached Iamport (the connection broke
 * after sending, the answer was cut, not JSON, a gateway page or a 5xx): the key may exist. It is
 * false only when the request never left (DNS, connection refused) or the token could not be had.
 */
export class IamportUnavailableError extends errorOfKind('unavailable', 'IamportUnavailableError') {
  constructor(
    readonly reason: string,
    readonly httpStatus: number | null,
    readonly outcomeUnknown = false,
  ) {
    super(reason);
  }
}

/** No answer in time. For an issuance the key may exist: `outcomeUnknown` is then true. */
export class IamportTimeoutError extends errorOfKind('timeout', 'IamportTimeoutError') {
  constructor(
    readonly timeoutMs: number,
    readonly outcomeUnknown: boolean,
  ) {
    super(`Iamport did not answer within ${timeoutMs} ms`);
  }
}

/** Every concrete error the client throws; its `kind` tells them apart. */
export type IamportFailure =
  | IamportRejectedError
  | IamportNotFoundError
  | IamportUnauthorizedError
  | IamportUnavailableError
  | IamportTimeoutError;

/**
 * The PG's reason code in a rejection: `...실패하였습니다. [F112]유효하지...` → `F112`, and nice_v2's
 * `[400]Error From NICEPAY. (message: …, code:F115)` → `F115` (lib/gateways/pg-code.ts lists the forms).
 */
export function extractPgCode(message: string | null | undefined): string | null {
  return pgReasonCode(message);
}
