import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EnvError, isSandboxMode, type Env } from '@/lib/env';

const SECRET_FILE = 'auth-secret';

/**
 * The secret that signs session cookies and encrypts TOTP secrets. BETTER_AUTH_SECRET when set.
 * Otherwise, so a fresh clone works with no configuration, one is generated once and kept in
 * DATA_DIR/auth-secret; live mode in production refuses to do that and asks for the variable.
 */
export function resolveAuthSecret(env: Env): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (!isSandboxMode(env) && env.NODE_ENV === 'production') {
    throw new EnvError(
      'Invalid environment variables:\n  BETTER_AUTH_SECRET: required in live mode (IMP_KEY set) with NODE_ENV=production; ' +
        'set 32+ random characters, e.g. `openssl rand -base64 32`',
    );
  }
  const folder = resolve(env.DATA_DIR);
  const file = join(folder, SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(folder, { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
    return generated;
  } catch (error) {
    // Another process wrote it first: use theirs, so both sign with the same secret.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const theirs = readSecret(file);
      if (theirs) return theirs;
    }
    throw error;
  }
}

function readSecret(file: string): string | null {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value.length >= 32 ? value : null;
  } catch {
    return null;
  }
}
