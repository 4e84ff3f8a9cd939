import { describe, expect, it } from 'vitest';
import { can, canAny, PERMISSION_NAMES, type Permission } from './permissions';
import { ROLES, type Role } from '@/lib/validations/auth';

/**
 * The Roles table of docs/design.md, written out by hand as the expected answer for every role × permission:
 *
 * | role     | issue keys            | view keys / attempts                     | delete keys       | QA runner | staff & settings |
 * | admin    | ✓                     | ✓                                        | ✓                 | ✓         | ✓                |
 * | agent    | ✓                     | own attempts; keys by exact customer_uid | —                 | —         | —                |
 * | reviewer | —                     | ✓                                        | ✓ (with reason)   | —         | —                |
 * | qa       | sandbox/test channels | ✓                                        | test keys only    | ✓         | —                |
 */
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  'keys.issue': { admin: true, agent: true, reviewer: false, qa: false },
  'keys.issue.test_only': { admin: true, agent: true, reviewer: false, qa: true },
  'links.send': { admin: true, agent: true, reviewer: false, qa: false },
  'links.send.test_only': { admin: true, agent: true, reviewer: false, qa: true },
  'links.view': { admin: true, agent: false, reviewer: true, qa: false },
  'links.view.own': { admin: true, agent: true, reviewer: true, qa: true },
  'keys.view': { admin: true, agent: false, reviewer: true, qa: true },
  'keys.view.exact': { admin: true, agent: true, reviewer: true, qa: true },
  'attempts.view': { admin: true, agent: false, reviewer: true, qa: true },
  'attempts.view.own': { admin: true, agent: true, reviewer: true, qa: true },
  'keys.delete': { admin: true, agent: false, reviewer: true, qa: false },
  'keys.delete.test_only': { admin: true, agent: false, reviewer: true, qa: true },
  'qa.run': { admin: true, agent: false, reviewer: false, qa: true },
  'staff.manage': { admin: true, agent: false, reviewer: false, qa: false },
  'settings.manage': { admin: true, agent: false, reviewer: false, qa: false },
  'audit.view': { admin: true, agent: false, reviewer: true, qa: false },
  'account.self': { admin: true, agent: true, reviewer: true, qa: true },
};

describe('the permission table', () => {
  it('names exactly the permissions the expected table covers', () => {
    expect([...PERMISSION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = PERMISSION_NAMES.flatMap((permission) =>
    ROLES.map((role) => [role, permission, EXPECTED[permission][role]] as const),
  );
  it.each(cases)('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('only admins manage staff and settings; agents never see the key list or delete', () => {
    expect(ROLES.filter((role) => can(role, 'staff.manage'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can(role, 'settings.manage'))).toEqual(['admin']);
    expect(can('agent', 'keys.view')).toBe(false);
    expect(can('agent', 'keys.delete.test_only')).toBe(false);
    expect(can('reviewer', 'keys.issue.test_only')).toBe(false);
  });

  it('denies by default: unknown permissions, unknown or missing roles, inherited object keys', () => {
    expect(can('admin', 'keys.purge')).toBe(false);
    expect(can('admin', 'toString')).toBe(false);
    expect(can('admin', '__proto__')).toBe(false);
    expect(can('superuser', 'keys.view')).toBe(false);
    expect(can('', 'keys.view')).toBe(false);
    expect(can(null, 'keys.view')).toBe(false);
    expect(can(undefined, 'account.self')).toBe(false);
    expect(canAny('agent', [])).toBe(false);
  });

  it('grants when any one of several permissions is held', () => {
    expect(canAny('qa', ['keys.issue', 'keys.issue.test_only'])).toBe(true);
    expect(canAny('reviewer', ['keys.issue', 'keys.issue.test_only'])).toBe(false);
  });
});
