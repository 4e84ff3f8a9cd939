import { describe, expect, it } from 'vitest';
import {
  changePasswordSchema,
  passwordProblem,
  setupSchema,
  signInSchema,
  staffCreateSchema,
  staffUpdateSchema,
  totpCodeSchema,
} from './auth';

describe('the password rule', () => {
  it.each([
    ['', '12자 이상'],
    ['short', '12자 이상'],
    ['elevenchars', '12자 이상'],
    ['x'.repeat(129), '128자 이하'],
    ['            ', '공백만으로'],
    ['minsu.kim', '12자 이상'],
    ['MINSU.KIM!2024', '@ 앞부분'],
    ['my-minsu.kim-password', '@ 앞부분'],
  ])('refuses %j (%s)', (password, message) => {
    expect(passwordProblem(password, 'minsu.kim@example.com')).toContain(message);
  });

  it.each(['twelve chars', 'correct horse battery', '한글비밀번호도열두자이상입니다', 'x'.repeat(128)])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password, 'minsu.kim@example.com')).toBeNull();
    },
  );

  it('forbids a very short local part only as the whole password, not as any letter in it', () => {
    expect(passwordProblem('a password that is long', 'a@example.com')).toBeNull();
    expect(passwordProblem('jo is a long password', 'jo@example.com')).toBeNull();
    expect(passwordProblem('kim has a long password', 'kim@example.com')).toContain('@ 앞부분');
  });

  it('is applied by every schema that sets a password', () => {
    const weak = {
      email: 'lee@example.com',
      name: '이',
      role: 'agent',
      password: 'lee-is-12-chars',
      passwordConfirm: 'lee-is-12-chars',
    };
    expect(setupSchema.safeParse(weak).error?.issues[0]).toMatchObject({ path: ['password'] });
    expect(staffCreateSchema.safeParse(weak).error?.issues[0]).toMatchObject({ path: ['password'] });
    const change = changePasswordSchema('lee@example.com').safeParse({
      currentPassword: 'old password 1',
      newPassword: 'short',
      newPasswordConfirm: 'short',
    });
    expect(change.error?.issues[0]).toMatchObject({ path: ['newPassword'] });
    expect(
      changePasswordSchema('lee@example.com').safeParse({
        currentPassword: 'old password 1',
        newPassword: 'lee likes long words',
        newPasswordConfirm: 'lee likes long words',
      }).error?.issues[0]?.message,
    ).toContain('@ 앞부분');
  });
});

/** An account form's fields with a password every rule accepts. */
const withGoodPassword = (fields: Record<string, string>) => ({ ...fields, password: 'correct horse battery' });

describe('account schemas', () => {
  it('normalises the email to lower case and trims it', () => {
    expect(signInSchema.parse({ email: '  Kim@Example.COM ', password: 'x' }).email).toBe('kim@example.com');
  });

  it('explains each problem in Korean beside its field', () => {
    const result = staffCreateSchema.safeParse(withGoodPassword({ email: 'not-an-email', name: '', role: 'root' }));
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toMatchObject({
      email: '이메일 형식이 아닙니다 (예: name@example.com).',
      name: '이름을 입력하세요.',
      role: '역할을 선택하세요 (관리자, 상담원, 검토자, QA).',
    });
  });

  it('requires the confirmation to match', () => {
    const result = setupSchema.safeParse(
      withGoodPassword({ email: 'boss@example.com', name: '대표', passwordConfirm: 'correct horse battery!' }),
    );
    expect(result.error?.issues[0]).toMatchObject({
      path: ['passwordConfirm'],
      message: '비밀번호 확인이 일치하지 않습니다.',
    });
  });

  it('takes exactly six digits as a TOTP code', () => {
    expect(totpCodeSchema.parse({ code: ' 123456 ' }).code).toBe('123456');
    expect(totpCodeSchema.safeParse({ code: '12345' }).success).toBe(false);
    expect(totpCodeSchema.safeParse({ code: '12345a' }).success).toBe(false);
  });

  it('needs a role or an active flag to update staff', () => {
    expect(staffUpdateSchema.safeParse({}).success).toBe(false);
    expect(staffUpdateSchema.parse({ active: false })).toEqual({ active: false });
    expect(staffUpdateSchema.safeParse({ role: 'owner' }).success).toBe(false);
  });
});
