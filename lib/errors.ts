import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';

/** Stable error codes of the app's JSON API, with their HTTP status (docs/design.md, Errors). */
export const ERROR_STATUS = {
  validation_failed: 422,
  invalid_query: 422,
  invalid_json: 400,
  invalid_path: 400,
  card_rejected: 422,
  not_found: 404,
  upstream_unavailable: 502,
  upstream_unauthorized: 502,
  outcome_unknown: 504,
  database_unavailable: 503,
  channels_unavailable: 503,
  audit_unavailable: 503,
  replacement_unconfirmed: 409,
  issuance_in_progress: 409,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
    pgCode?: string | null;
    iamportMessage?: string;
    iamportCode?: number;
    errorId?: string;
    /** With `rate_limited`: seconds until a retry may succeed (also the `Retry-After` header). */
    retryAfter?: number;
    /**
     * With `replacement_unconfirmed`: the card the customer_uid holds now, masked (a `BillingKeyView`;
     * this module sits below the domain types, so the browser client names the type).
     */
    existing?: unknown;
  };
}

const APP_ERROR = Symbol.for('billing-key-console.app-error');

/**
 * The one error type of the app: a stable code, an HTTP status and a message for the phone agent.
 * `instanceof` checks a global brand, so an AppError from another Next bundle still matches.
 */
export class AppError extends Error {
  readonly status: number;
  readonly [APP_ERROR] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [APP_ERROR]?: boolean })[APP_ERROR] === true;
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Omit<ErrorBody['error'], 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

/** First message per field, keyed by the dotted path, for `setError(field)` in the form. */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: ZodError, message = '입력값을 확인하세요.'): AppError {
  const fields = zodFieldErrors(error);
  const count = Object.keys(fields).length;
  return new AppError('validation_failed', `${message} 잘못된 항목이 ${count}개 있습니다.`, { fields });
}

/**
 * Turns any thrown value into the error body and status. Unknown errors become a generic 500 with
 * an id that is also handed to `logUnexpected`, so support can find the log line.
 */
export function toErrorBody(
  error: unknown,
  logUnexpected: (errorId: string, error: unknown) => void,
): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...error.details } } };
  }
  if (error instanceof ZodError) {
    const appError = validationError(error);
    return toErrorBody(appError, logUnexpected);
  }
  const errorId = randomUUID();
  logUnexpected(errorId, error);
  return {
    status: 500,
    body: {
      error: {
        code: 'internal_error',
        message: `예상하지 못한 오류가 발생했습니다. 관리자에게 오류 ID ${errorId}를 알려 주세요.`,
        errorId,
      },
    },
  };
}
