/** Staff roles of DESIGN.md's table. */
export const ROLES = ['admin', 'agent', 'reviewer', 'qa'] as const;
export type Role = (typeof ROLES)[number];

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
