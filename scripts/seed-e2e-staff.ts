/**
 * Creates one staff account per role for the Playwright servers, opening the database once (the
 * `user:create` CLI per role would open it four times). Test use only: `e2e.<role>@example.test`.
 * Usage: node --conditions=react-server --import tsx scripts/seed-e2e-staff.ts <password>
 */
import { getAuthRuntime } from '../lib/auth/auth';
import { insertStaffAccount, findStaffByEmail } from '../lib/auth/staff';
import { ROLES } from '@/lib/validations/auth';
import { getDbHandle } from '../lib/db';

async function main(): Promise<void> {
  const password = process.argv[2];
  if (!password) throw new Error('usage: seed-e2e-staff.ts <password>');
  const handle = await getDbHandle();
  const runtime = await getAuthRuntime();
  for (const role of ROLES) {
    const email = `e2e.${role}@example.test`;
    if (await findStaffByEmail(runtime.db, email)) continue;
    await insertStaffAccount(runtime, { email, name: `E2E ${role}`, role, password });
  }
  console.log(`e2e staff ready: ${ROLES.map((role) => `e2e.${role}@example.test`).join(', ')}`);
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
