import type { SecuritySettings } from '@/lib/auth/settings';
import type { StaffView } from '@/lib/auth/staff';
import type { Actor } from '@/lib/model/staff';
import {
  type ChangePasswordInput,
  type SecuritySettingsInput,
  type SetupInput,
  type StaffCreateInput,
  type StaffUpdateInput,
  formatWait,
} from '@/lib/validations/auth';

/** An error answer from the app's or better-auth's endpoints, with a message for the screen. */
export class AuthApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Seconds to wait, from `Retry-After`, on 429. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'AuthApiError';
  }
}

/** better-auth answers in English: these are the messages staff see instead. */
const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: '이메일 또는 비밀번호가 올바르지 않습니다.',
  INVALID_EMAIL: '이메일 형식이 아닙니다.',
  INVALID_PASSWORD: '비밀번호가 올바르지 않습니다.',
  INVALID_CODE: '인증 코드가 올바르지 않습니다. 인증 앱에 지금 표시된 6자리를 입력하세요.',
  INVALID_TWO_FACTOR_COOKIE: '인증 시간이 지났습니다. 이메일과 비밀번호부터 다시 입력하세요.',
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: '인증 코드를 너무 많이 틀렸습니다. 이메일과 비밀번호부터 다시 입력하세요.',
  ACCOUNT_TEMPORARILY_LOCKED: '인증 코드를 너무 많이 틀려 계정이 잠시 잠겼습니다. 15분 뒤에 다시 시도하세요.',
  TOTP_ALREADY_ENABLED: '2단계 인증이 이미 켜져 있습니다.',
  TOTP_NOT_ENABLED: '2단계 인증 설정을 먼저 시작하세요.',
  UNAUTHORIZED: '로그인이 필요합니다. 다시 로그인하세요.',
};

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: init.body ? { 'content-type': 'application/json', ...init.headers } : init.headers,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new AuthApiError(0, 'network', '서버에 연결할 수 없습니다. 네트워크를 확인하세요.');
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  // The app's routes answer { error: { code, message, fields } }; better-auth answers { code, message }.
  const body = ((data as { error?: unknown } | null)?.error ?? data ?? {}) as {
    code?: string;
    message?: string;
    fields?: Record<string, string>;
  };
  const code = body.code ?? `http_${response.status}`;
  const header = response.headers.get('retry-after') ?? response.headers.get('x-retry-after');
  const retryAfter = header && /^\d+$/.test(header) ? Number(header) : null;
  let message =
    MESSAGES[code] ??
    (isKorean(body.message) ? body.message! : `요청을 처리하지 못했습니다 (HTTP ${response.status}).`);
  if (response.status === 429 && code !== 'ACCOUNT_TEMPORARILY_LOCKED') {
    message = retryAfter
      ? `로그인 시도가 너무 많습니다. ${formatWait(retryAfter)} 후에 다시 시도하세요.`
      : '요청이 너무 많습니다. 잠시 후 다시 시도하세요.';
  }
  throw new AuthApiError(response.status, code, message, body.fields ?? {}, retryAfter);
}

const isKorean = (text: string | undefined) => Boolean(text && /[가-힣]/.test(text));
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

export interface AccountView {
  actor: Actor;
  name: string;
  twoFactorEnabled: boolean;
  mustEnrollTwoFactor: boolean;
}

export const authApi = {
  signIn: (email: string, password: string) =>
    call<{ twoFactorRedirect?: boolean }>('/api/auth/sign-in/email', post({ email, password, rememberMe: true })),
  verifySignInCode: (code: string) => call<{ token: string }>('/api/auth/two-factor/verify-totp', post({ code })),
  signOut: () => call<{ success: boolean }>('/api/auth/sign-out', post({})),
  account: () => call<AccountView>('/api/account'),
  setup: (input: SetupInput) => call<{ staff: StaffView }>('/api/setup', post(input)),
  listStaff: () => call<{ staff: StaffView[] }>('/api/staff').then((data) => data.staff),
  createStaff: (input: StaffCreateInput) =>
    call<{ staff: StaffView }>('/api/staff', post(input)).then((data) => data.staff),
  updateStaff: (userId: string, change: StaffUpdateInput) =>
    call<{ staff: StaffView }>(`/api/staff/${encodeURIComponent(userId)}`, {
      method: 'PATCH',
      body: JSON.stringify(change),
    }).then((data) => data.staff),
  securitySettings: () => call<{ settings: SecuritySettings }>('/api/settings/security').then((data) => data.settings),
  updateSecuritySettings: (input: SecuritySettingsInput) =>
    call<{ settings: SecuritySettings }>('/api/settings/security', { method: 'PUT', body: JSON.stringify(input) }).then(
      (data) => data.settings,
    ),
  changePassword: (input: ChangePasswordInput) => call<{ changed: true }>('/api/account/password', post(input)),
  signOutEverywhere: () => call<{ ended: number }>('/api/account/sessions', { method: 'DELETE' }),
  startTwoFactor: (password: string) =>
    call<{ totpURI: string; backupCodes: string[] }>('/api/auth/two-factor/enable', post({ password })),
  confirmTwoFactor: (code: string) => call<{ token: string }>('/api/auth/two-factor/verify-totp', post({ code })),
  disableTwoFactor: (password: string) => call<{ status: boolean }>('/api/auth/two-factor/disable', post({ password })),
};

/** Query keys of the account screens; never inline strings. */
export const authQueryKeys = {
  account: () => ['account'] as const,
  staff: () => ['staff'] as const,
  securitySettings: () => ['settings', 'security'] as const,
};

/** The secret of an otpauth:// URI, in groups of four for typing into an authenticator app. */
export function totpSecretFromUri(uri: string): string {
  try {
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    return secret.replace(/(.{4})/g, '$1 ').trim();
  } catch {
    return '';
  }
}

/**
 * A full page load, not a client-side push: after signing in or out no cached data or rendered
 * header of the previous account may survive in this tab.
 */
export function loadPage(path: string): void {
  window.location.assign(path);
}
