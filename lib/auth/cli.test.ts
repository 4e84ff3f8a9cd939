import { describe, expect, it } from 'vitest';
import { parseUserCreateArgs } from './cli';

const ok = (argv: string[]) => {
  const parsed = parseUserCreateArgs(argv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.args;
};
const refused = (argv: string[]) => {
  const parsed = parseUserCreateArgs(argv);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? '' : parsed.message;
};

describe('npm run user:create arguments', () => {
  it('takes --flag value and --flag=value, lower-cases the email, defaults the name to the local part', () => {
    expect(ok(['--email', 'QA.Lead@Example.com', '--password=correct horse battery', '--role', 'qa'])).toEqual({
      email: 'qa.lead@example.com',
      password: 'correct horse battery',
      role: 'qa',
      name: 'QA.Lead',
      update: false,
    });
    expect(
      ok(['--email=a@b.co', '--password', 'correct horse battery', '--role=admin', '--name', '김관리', '--update']),
    ).toMatchObject({
      name: '김관리',
      role: 'admin',
      update: true,
    });
  });

  it('keeps a password that contains = or spaces intact', () => {
    expect(ok(['--email=x@y.co', '--password=a=b=c long enough', '--role=agent']).password).toBe('a=b=c long enough');
  });

  it('names what is missing', () => {
    expect(refused(['--email', 'a@b.co'])).toContain('--password, --role이(가) 필요합니다');
    expect(refused([])).toContain('--email, --password, --role');
  });

  it('refuses unknown flags, repeated flags and a flag without a value', () => {
    expect(refused(['--email', 'a@b.co', '--password', 'correct horse battery', '--role', 'qa', '--admin'])).toContain(
      '알 수 없는 인자',
    );
    expect(refused(['--email', 'a@b.co', '--email', 'c@d.co'])).toContain('두 번');
    expect(refused(['--email', '--password', 'x'])).toContain('--email 다음에 값을');
    expect(refused(['stray'])).toContain('알 수 없는 인자');
  });

  it('applies the same rules as the staff form: role, email format, password rule', () => {
    expect(refused(['--email', 'a@b.co', '--password', 'correct horse battery', '--role', 'root'])).toContain('--role');
    expect(refused(['--email', 'not-mail', '--password', 'correct horse battery', '--role', 'qa'])).toContain(
      '--email',
    );
    expect(refused(['--email', 'a@b.co', '--password', 'short', '--role', 'qa'])).toContain('12자 이상');
    expect(refused(['--email', 'minsu@b.co', '--password', 'minsu-password-1', '--role', 'qa'])).toContain('@ 앞부분');
  });

  it('prints the usage for --help', () => {
    const parsed = parseUserCreateArgs(['--help']);
    expect(parsed).toMatchObject({ ok: false, help: true });
    expect(parsed.ok ? '' : parsed.message).toContain('npm run user:create');
  });
});
