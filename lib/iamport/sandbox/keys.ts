import 'server-only';
import type { CustomerAnnotation } from '../types';
import type { SandboxContext } from './context';
import { groupStoreKey, storeKey } from './store';
import type { SuperBillingKeyAnnotation } from './types';

/**
 * What a customer_uid holds: a plain billing key (`CustomerAnnotation`) or a smart-routing one
 * (`SuperBillingKeyAnnotation`). A uid holds at most one of them: issuing either replaces the other.
 */
export type FoundKey =
  { kind: 'card'; annotation: CustomerAnnotation } | { kind: 'group'; annotation: SuperBillingKeyAnnotation };

/*
 * The store is typed for CustomerAnnotation (the app's DB-backed store keeps any JSON object), so a
 * smart-routing key goes in under its own key namespace and is cast on the way in and out.
 */
const asStored = (annotation: SuperBillingKeyAnnotation) => annotation as unknown as CustomerAnnotation;
const asGroup = (stored: CustomerAnnotation) => stored as unknown as SuperBillingKeyAnnotation;

export async function findGroupKey(
  ctx: SandboxContext,
  tier: string | undefined,
  uid: string,
): Promise<SuperBillingKeyAnnotation | undefined> {
  const stored = await ctx.store.get(groupStoreKey(tier, uid));
  return stored ? asGroup(stored) : undefined;
}

export async function findKey(
  ctx: SandboxContext,
  tier: string | undefined,
  uid: string,
): Promise<FoundKey | undefined> {
  const card = storeKey(tier, uid);
  const found = await ctx.store.getFirst([card, groupStoreKey(tier, uid)]);
  if (!found) return undefined;
  return found.key === card
    ? { kind: 'card', annotation: found.value }
    : { kind: 'group', annotation: asGroup(found.value) };
}

export async function saveCardKey(ctx: SandboxContext, tier: string | undefined, annotation: CustomerAnnotation) {
  await ctx.store.set(
    storeKey(tier, annotation.customer_uid),
    annotation,
    groupStoreKey(tier, annotation.customer_uid),
  );
}

export async function saveGroupKey(
  ctx: SandboxContext,
  tier: string | undefined,
  annotation: SuperBillingKeyAnnotation,
) {
  await ctx.store.set(
    groupStoreKey(tier, annotation.customer_uid),
    asStored(annotation),
    storeKey(tier, annotation.customer_uid),
  );
}

/** Removes whatever the uid holds and answers it, or undefined when it held nothing. */
export async function removeKey(
  ctx: SandboxContext,
  tier: string | undefined,
  uid: string,
): Promise<FoundKey | undefined> {
  const found = await findKey(ctx, tier, uid);
  if (!found) return undefined;
  await ctx.store.delete(found.kind === 'card' ? storeKey(tier, uid) : groupStoreKey(tier, uid));
  return found;
}
