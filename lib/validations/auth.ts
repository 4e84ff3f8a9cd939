import { z } from 'zod';

/** Staff roles (docs/design.md, Roles). */
export const ROLES = ['admin', 'agent', 'reviewer', 'qa'] as const;
export type Role = (typeof ROLES)[number];

/** Limits shared by the forms (shown past the limit, never enforced by `maxLength`) and the server's checks. */
export const AUTH_LIMITS = {
  email: 254,
  name: 80,
  passwordMin: 12,
  passwordMax: 128,
  totpCode: 6,
} as const;

/** Shown under every new-password field. */
export const PASSWORD_HINT = `${AUTH_LIMITS.passwordMin}자 이상, 이메일의 @ 앞부분을 넣지 마세요.`;

export const ROLE_LABELS: Record<Role, string> = {
  admin: '관리자',
  agent: '상담원',
  reviewer: '검토자',
  qa: 'QA',
};

/** The part of an email address before the `@`, lower-cased. */
export function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  return (at > 0 ? email.slice(0, at) : email).trim().toLowerCase();
}

/**
 * Why a password is refused, or null. The same rule on every path that sets one: setup, CLI, admin
 * create, own change. At least 12 characters, and not the email's local part nor containing it.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < AUTH_LIMITS.passwordMin) return `비밀번호는 ${AUTH_LIMITS.passwordMin}자 이상이어야 합니다.`;
  if (password.length > AUTH_LIMITS.passwordMax) return `비밀번호는 ${AUTH_LIMITS.passwordMax}자 이하여야 합니다.`;
  if (password.trim() === '') return '비밀번호를 공백만으로 만들 수 없습니다.';
  const local = emailLocalPart(email);
  const lower = password.toLowerCase();
  // A local part of one or two letters would forbid half the alphabet; those only may not be the whole password.
  if (local && (lower === local || (local.length >= 3 && lower.includes(local)))) {
    return '비밀번호에 이메일의 @ 앞부분을 넣을 수 없습니다.';
  }
  return null;
}

export const emailSchema = z
  .string({ error: '이메일을 입력하세요.' })
  .trim()
  .min(1, '이메일을 입력하세요.')
  .max(AUTH_LIMITS.email, `이메일은 ${AUTH_LIMITS.email}자 이하로 입력하세요.`)
  .pipe(z.email('이메일 형식이 아닙니다 (예: name@example.com).'))
  .transform((value) => value.toLowerCase());

const nameSchema = z
  .string({ error: '이름을 입력하세요.' })
  .trim()
  .min(1, '이름을 입력하세요.')
  .max(AUTH_LIMITS.name, `이름은 ${AUTH_LIMITS.name}자 이하로 입력하세요.`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), '제어 문자는 쓸 수 없습니다.');

const roleSchema = z.enum(ROLES, { error: '역할을 선택하세요 (관리자, 상담원, 검토자, QA).' });

/** A password field: length limits here, the email rule in the object's superRefine. */
const passwordSchema = z
  .string({ error: '비밀번호를 입력하세요.' })
  .min(1, '비밀번호를 입력하세요.')
  .max(AUTH_LIMITS.passwordMax, `비밀번호는 ${AUTH_LIMITS.passwordMax}자 이하여야 합니다.`);

function checkPassword(path: string, password: string, email: string, ctx: z.RefinementCtx) {
  const problem = passwordProblem(password, email);
  if (problem) ctx.addIssue({ code: 'custom', path: [path], message: problem });
}

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: '비밀번호를 입력하세요.' })
    .min(1, '비밀번호를 입력하세요.')
    .max(AUTH_LIMITS.passwordMax, `비밀번호는 ${AUTH_LIMITS.passwordMax}자 이하여야 합니다.`),
});
export type SignInInput = z.input<typeof signInSchema>;
export type SignInValues = z.output<typeof signInSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string({ error: '인증 코드를 입력하세요.' })
    .trim()
    .regex(/^\d{6}$/, '인증 앱에 표시된 6자리 숫자를 입력하세요.'),
});
export type TotpCodeInput = z.input<typeof totpCodeSchema>;
export type TotpCodeValues = z.output<typeof totpCodeSchema>;

/** The first admin, created by /setup. */
export const setupSchema = z
  .object({ email: emailSchema, name: nameSchema, password: passwordSchema, passwordConfirm: z.string() })
  .superRefine((value, ctx) => {
    checkPassword('password', value.password, value.email, ctx);
    if (value.password !== value.passwordConfirm) {
      ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: '비밀번호 확인이 일치하지 않습니다.' });
    }
  });
export type SetupInput = z.input<typeof setupSchema>;
export type SetupValues = z.output<typeof setupSchema>;

/** A staff account created by an admin (or the CLI). */
export const staffCreateSchema = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema })
  .superRefine((value, ctx) => checkPassword('password', value.password, value.email, ctx));
export type StaffCreateInput = z.input<typeof staffCreateSchema>;
export type StaffCreateValues = z.output<typeof staffCreateSchema>;

export const staffUpdateSchema = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean({ error: '활성 여부는 true 또는 false입니다.' }).optional(),
  })
  .refine(
    (value) => value.role !== undefined || value.active !== undefined,
    '바꿀 항목(역할 또는 활성 여부)을 보내세요.',
  );
export type StaffUpdateInput = z.input<typeof staffUpdateSchema>;

/** Own password change; the rule needs the account's email. */
export const changePasswordSchema = (email: string) =>
  z
    .object({
      currentPassword: z.string().min(1, '현재 비밀번호를 입력하세요.'),
      newPassword: passwordSchema,
      newPasswordConfirm: z.string(),
    })
    .superRefine((value, ctx) => {
      checkPassword('newPassword', value.newPassword, email, ctx);
      if (value.newPassword === value.currentPassword) {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: '새 비밀번호가 현재 비밀번호와 같습니다.' });
      }
      if (value.newPassword !== value.newPasswordConfirm) {
        ctx.addIssue({
          code: 'custom',
          path: ['newPasswordConfirm'],
          message: '새 비밀번호 확인이 일치하지 않습니다.',
        });
      }
    });
export type ChangePasswordInput = z.input<ReturnType<typeof changePasswordSchema>>;

/** Confirms a sensitive change to one's own second factor. */
export const passwordConfirmSchema = z.object({
  password: z
    .string({ error: '비밀번호를 입력하세요.' })
    .min(1, '비밀번호를 입력하세요.')
    .max(AUTH_LIMITS.passwordMax, `비밀번호는 ${AUTH_LIMITS.passwordMax}자 이하여야 합니다.`),
});
export type PasswordConfirmInput = z.input<typeof passwordConfirmSchema>;

export const securitySettingsSchema = z.object({
  requireTwoFactor: z.boolean({ error: '2단계 인증 필수 여부는 true 또는 false입니다.' }),
});
export type SecuritySettingsInput = z.input<typeof securitySettingsSchema>;

/** A wait in Korean: "15분", "1분 30초", "40초". */
export function formatWait(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}초`;
  return rest === 0 ? `${minutes}분` : `${minutes}분 ${rest}초`;
}

const SAME_SITE = 'http://same.invalid';

/** Decodes percent-escapes until nothing changes (at most 5 rounds, stopping at a malformed one). */
function fullyDecoded(value: string): string {
  let current = value;
  for (let round = 0; round < 5; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (decoded === current) return current;
    current = decoded;
  }
  return current;
}

/** A path (no scheme, no host) that resolves on this origin to a path starting with one `/`. */
function staysHome(path: string): URL | null {
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  const url = new URL(path, SAME_SITE);
  if (url.origin !== SAME_SITE || url.pathname.startsWith('//')) return null;
  return url;
}

/**
 * A `next` parameter reduced to a same-site path, judged after normalisation: the browser's form
 * of it (dot-segments resolved, `%2e` included: `/a/..//evil.com` is `//evil.com`) and its fully
 * percent-decoded form (`/%2f%2fevil.com`, `/%5c%5cevil.com`, read as a second parser would) must
 * both start with one `/` and stay on this origin.
 * Backslashes, whitespace and control characters anywhere (the URL parser drops tabs and reads `\`
 * as `/`) give the fallback, and so does a path to the API or the sign-in screens themselves.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || value.length > 2048 || /[\\\s\u0000-\u001f\u007f-\u009f]/.test(value)) return fallback;
  try {
    const url = staysHome(value);
    if (!url) return fallback;
    const kept = `${url.pathname}${url.search}${url.hash}`;
    const decoded = fullyDecoded(kept);
    // As a second parser would read it: whitespace and controls dropped, `\\` as `/`.
    const decodedUrl = staysHome(decoded.replace(/[\s\u0000-\u001f\u007f-\u009f]/g, '').replace(/\\/g, '/'));
    if (!decodedUrl || !staysHome(kept)) return fallback;
    // Never back to an API answer, nor to the sign-in screens themselves.
    const screens = /^\/(api|login|setup)(\/|$)/i;
    if (screens.test(url.pathname) || screens.test(decodedUrl.pathname)) return fallback;
    return kept;
  } catch {
    return fallback;
  }
}
