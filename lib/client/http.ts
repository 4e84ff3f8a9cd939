import type { ErrorBody } from '@/lib/errors';
import { AUTH_MESSAGES } from '@/lib/messages';
import type { BillingKeyView } from '@/lib/model/billing-keys';
import { formatWait } from '@/lib/validations/auth';

/** The error part of an answer, with the domain types `lib/errors` cannot name. */
export type ApiErrorBody = Omit<ErrorBody['error'], 'existing' | 'code'> & {
  /** An app code (lib/errors.ts), a better-auth code, `network` (no answer) or `http_<status>`. */
  code: string;
  existing?: BillingKeyView;
};

/**
 * The one error of the browser client: any answer that is not 2xx, from the app's routes or from
 * better-auth's, and a request that got no answer at all (`status` 0). `message` is always Korean.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    /** Seconds to wait, from `Retry-After`, on 429. */
    readonly retryAfter: number | null = null,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  /** Messages per field, from a 422. */
  get fields(): Record<string, string> {
    return this.body.fields ?? {};
  }
}

const isKorean = (text: string | undefined): text is string => Boolean(text && /[가-힣]/.test(text));

/**
 * What an error answer says, in Korean: the app's own envelope, or better-auth's `{ code, message }`
 * (English: its code picks the message). A 429 from the sign-in endpoints says how long to wait.
 */
function errorOf(path: string, response: Response, data: unknown): ApiError {
  const header = response.headers.get('retry-after') ?? response.headers.get('x-retry-after');
  const retryAfter = header && /^\d+$/.test(header) ? Number(header) : null;
  const body = ((data as { error?: unknown } | null)?.error ?? data ?? {}) as {
    code?: string;
    message?: string;
    fields?: Record<string, string>;
  };
  const code = body.code ?? `http_${response.status}`;
  let message =
    AUTH_MESSAGES[code] ??
    (isKorean(body.message) ? body.message : `요청을 처리하지 못했습니다 (HTTP ${response.status}).`);
  if (response.status === 429 && path.startsWith('/api/auth/') && code !== 'ACCOUNT_TEMPORARILY_LOCKED') {
    message = retryAfter
      ? `로그인 시도가 너무 많습니다. ${formatWait(retryAfter)} 후에 다시 시도하세요.`
      : '요청이 너무 많습니다. 잠시 후 다시 시도하세요.';
  }
  return new ApiError(response.status, { ...(body as Partial<ApiErrorBody>), code, message }, retryAfter);
}

/** The one fetch of the browser: same-origin, never cached, JSON in and out; throws ApiError. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: init.body ? { 'content-type': 'application/json', ...init.headers } : init.headers,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: '서버에 연결할 수 없습니다. 네트워크를 확인하세요.' });
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(path, response, data);
  return data as T;
}

export const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown): RequestInit => ({
  method,
  body: body === undefined ? undefined : JSON.stringify(body),
});
