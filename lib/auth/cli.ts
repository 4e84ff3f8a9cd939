import 'server-only';
import { ROLES, staffCreateSchema, type Role } from '@/lib/validations/auth';

export const USER_CREATE_USAGE = `사용법: npm run user:create -- --email <이메일> --password <비밀번호> --role <${ROLES.join('|')}> [--name <이름>] [--update]

  --email     계정 이메일 (로그인 ID)
  --password  12자 이상, 이메일의 @ 앞부분을 넣지 않은 비밀번호 (- 이면 표준 입력에서 한 줄을 읽습니다)
  --role      ${ROLES.join(', ')}
  --name      표시 이름 (기본: 이메일의 @ 앞부분)
  --update    이미 있는 계정의 비밀번호와 역할을 바꾸고 다시 활성화합니다 (다른 세션은 모두 끝납니다)`;

export interface UserCreateArgs {
  email: string;
  password: string;
  role: Role;
  name: string;
  update: boolean;
}

export type ParsedArgs = { ok: true; args: UserCreateArgs } | { ok: false; message: string; help?: boolean };

const VALUE_FLAGS = new Set(['email', 'password', 'role', 'name']);

/** Parses `--flag value` / `--flag=value` and validates with the same rules as the staff form. */
export function parseUserCreateArgs(argv: readonly string[]): ParsedArgs {
  const values: Record<string, string> = {};
  let update = false;
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--help' || token === '-h') return { ok: false, message: USER_CREATE_USAGE, help: true };
    if (token === '--update') {
      update = true;
      continue;
    }
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(token);
    if (!match || !VALUE_FLAGS.has(match[1]!))
      return { ok: false, message: `알 수 없는 인자입니다: ${token}\n\n${USER_CREATE_USAGE}` };
    const flag = match[1]!;
    if (flag in values) return { ok: false, message: `--${flag}를 두 번 주었습니다.` };
    let value = match[2];
    if (value === undefined) {
      value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `--${flag} 다음에 값을 주세요.` };
      index++;
    }
    values[flag] = value;
  }
  const missing = ['email', 'password', 'role'].filter((flag) => values[flag] === undefined);
  if (missing.length) {
    return {
      ok: false,
      message: `${missing.map((flag) => `--${flag}`).join(', ')}이(가) 필요합니다.\n\n${USER_CREATE_USAGE}`,
    };
  }
  const email = values.email!.trim();
  const result = staffCreateSchema.safeParse({
    email,
    password: values.password,
    role: values.role,
    name: values.name ?? email.split('@')[0] ?? email,
  });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  --${issue.path.join('.') || '?'}: ${issue.message}`);
    return { ok: false, message: `입력값을 확인하세요:\n${lines.join('\n')}` };
  }
  return { ok: true, args: { ...result.data, update } };
}
