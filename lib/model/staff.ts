import type { Role } from '@/lib/validations/auth';

/** Who performs an action; null until staff accounts exist for the request. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
}

/** Who and from where, for the audit trail. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
}

/** A staff member as screens and exports name them, found by account id. */
export interface StaffPerson {
  email: string;
  name: string;
}
