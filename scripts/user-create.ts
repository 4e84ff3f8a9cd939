/**
 * `npm run user:create -- --email … --password … --role …`: creates a staff account (or, with
 * `--update`, resets its password and role) in the database the app uses, and prints one line.
 * `npm run` echoes its arguments: use `npm run -s` or `--password -` (read from stdin) to keep the
 * password off the screen.
 * Run with `node --conditions=react-server --import tsx` so `server-only` resolves to its server build.
 * While a server holds the embedded database folder this is refused, naming that process.
 */
import { recordAudit } from '../lib/audit';
import { getAuthRuntime } from '../lib/auth/auth';
import { parseUserCreateArgs } from '../lib/auth/cli';
import { createStaffAccount, findStaffByEmail, resetStaffAccount } from '../lib/auth/staff';
import { getDbHandle, type DbHandle } from '../lib/db';
import { AppError } from '../lib/errors';

let handle: DbHandle | undefined;

/** `--password -` reads the password from standard input, keeping it out of `npm run`'s echo and shell history. */
async function withStdinPassword(argv: string[]): Promise<string[]> {
  const index = argv.findIndex(
    (token, position) => token === '--password=-' || (token === '--password' && argv[position + 1] === '-'),
  );
  if (index < 0) return argv;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  const rest = argv[index] === '--password=-' ? argv.slice(index + 1) : argv.slice(index + 2);
  return [...argv.slice(0, index), `--password=${password}`, ...rest];
}

async function main(): Promise<number> {
  const parsed = parseUserCreateArgs(await withStdinPassword(process.argv.slice(2)));
  if (!parsed.ok) {
    (parsed.help ? console.log : console.error)(parsed.message);
    return parsed.help ? 0 : 2;
  }
  const { args } = parsed;
  // Opened first so a locked folder reports the process holding it.
  handle = await getDbHandle();
  const runtime = await getAuthRuntime();
  const context = { actor: null, ip: null };
  const existing = await findStaffByEmail(runtime.db, args.email);
  if (existing && !args.update) {
    console.error(
      `${args.email} 계정이 이미 있습니다 (역할: ${existing.role}). 비밀번호와 역할을 바꾸려면 --update를 붙이세요.`,
    );
    return 1;
  }
  if (existing) {
    const staff = await resetStaffAccount(runtime, existing.id, { password: args.password, role: args.role });
    await recordAudit(runtime.db, context, {
      action: 'staff.update',
      result: 'success',
      targetType: 'staff',
      targetId: staff.id,
      details: { via: 'cli', email: staff.email, role: staff.role, passwordReset: true, reactivated: !existing.active },
    });
    console.log(
      `updated ${staff.role} ${staff.email} (id ${staff.id}): new password, sessions ended${existing.active ? '' : ', reactivated'}`,
    );
    return 0;
  }
  // The account and its audit event in one transaction: both or neither.
  const staff = await createStaffAccount(
    { email: args.email, name: args.name, role: args.role, password: args.password },
    'cli',
    context,
    { auth: runtime },
  );
  console.log(`created ${staff.role} ${staff.email} (id ${staff.id})`);
  return 0;
}

main()
  .catch((error: unknown) => {
    if (error instanceof AppError) console.error(error.message);
    else if (error instanceof Error && (error.name === 'DatabaseLockedError' || error.name === 'EnvError'))
      console.error(error.message);
    else console.error(error);
    return 1;
  })
  .then(async (code) => {
    await handle?.close().catch(() => {});
    process.exit(code);
  });
