import 'server-only';
import { ROLES, type Role } from '@/lib/validations/auth';

/**
 * What each role may do, from the Roles table of docs/design.md. Deny by default: a permission not listed
 * here, or a role not listed under it, is refused.
 *
 * A narrow permission (`….exact`, `….own`, `….test_only`) is also held by every role that holds the
 * broad one, so a route guarded by the narrow permission admits everyone allowed at least that
 * much; the handler then checks the broad permission to decide whether the restriction applies
 * (e.g. `requireActor(request, 'keys.issue.test_only')`, then `can(role, 'keys.issue')` or else
 * only sandbox/test channels).
 */
export const PERMISSIONS = {
  /** Issue or replace a billing key on any channel. */
  'keys.issue': ['admin', 'agent'],
  /** Issue on the sandbox or on test channels only (QA). */
  'keys.issue.test_only': ['admin', 'agent', 'qa'],
  /** Send a one-time card-registration link on any channel (the customer types the card). */
  'links.send': ['admin', 'agent'],
  /** Send links on test channels only (QA). */
  'links.send.test_only': ['admin', 'agent', 'qa'],
  /** Every link, whoever sent it. */
  'links.view': ['admin', 'reviewer'],
  /** The links one sent oneself. */
  'links.view.own': ['admin', 'reviewer', 'qa', 'agent'],
  /** List, search and filter every key; see stored vs live. */
  'keys.view': ['admin', 'reviewer', 'qa'],
  /** Look up one key by its exact customer_uid (all a phone agent may see). */
  'keys.view.exact': ['admin', 'reviewer', 'qa', 'agent'],
  /** Every issuance attempt. */
  'attempts.view': ['admin', 'reviewer', 'qa'],
  /** The actor's own attempts only. */
  'attempts.view.own': ['admin', 'reviewer', 'qa', 'agent'],
  /** Delete any key (the reviewer gives a reason). */
  'keys.delete': ['admin', 'reviewer'],
  /** Delete test keys only (QA cleaning up after itself). */
  'keys.delete.test_only': ['admin', 'reviewer', 'qa'],
  /** The QA runner and raw (redacted) Iamport calls. */
  'qa.run': ['admin', 'qa'],
  /** Create staff, change roles, deactivate. */
  'staff.manage': ['admin'],
  /** Channels and security settings (e.g. require 2FA for everyone). */
  'settings.manage': ['admin'],
  /** The audit trail (sign-ins, issuances, deletions, exports, settings). */
  'audit.view': ['admin', 'reviewer'],
  /** One's own account: password, second factor, sessions. */
  'account.self': ['admin', 'agent', 'reviewer', 'qa'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** True only when the table lists the role under the permission; anything unknown is refused. */
export function can(role: string | null | undefined, permission: Permission | string): boolean {
  if (!role || !(ROLES as readonly string[]).includes(role)) return false;
  if (!Object.hasOwn(PERMISSIONS, permission)) return false;
  return (PERMISSIONS[permission as Permission] as readonly string[]).includes(role);
}

/** True when the role holds at least one of the permissions. */
export function canAny(role: string | null | undefined, permissions: readonly (Permission | string)[]): boolean {
  return permissions.some((permission) => can(role, permission));
}
