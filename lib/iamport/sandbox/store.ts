import 'server-only';
import type { CustomerAnnotation } from '../types';
import type { SandboxStore } from './types';

/** Store key of a billing key: keys are partitioned by `Tier` (empty for the merchant itself). */
export function storeKey(tier: string | undefined, customerUid: string): string {
  return `${tier ?? ''}:${customerUid}`;
}

/** The standalone sandbox's state: gone on restart, like nothing a real account would do. */
export function createMemoryStore(): SandboxStore & { entries(): [string, CustomerAnnotation][] } {
  const map = new Map<string, CustomerAnnotation>();
  return {
    async get(key) {
      const value = map.get(key);
      return value ? structuredClone(value) : undefined;
    },
    async getFirst(keys) {
      const key = keys.find((candidate) => map.has(candidate));
      return key === undefined ? undefined : { key, value: structuredClone(map.get(key)!) };
    },
    async set(key, value, removing) {
      map.set(key, structuredClone(value));
      if (removing !== undefined) map.delete(removing);
    },
    async delete(key) {
      return map.delete(key);
    },
    entries() {
      return [...map.entries()].map(([key, value]) => [key, structuredClone(value)]);
    },
  };
}

/** Store key of a smart-routing (`channel_group_id`) billing key; never equal to a `storeKey`. */
export function groupStoreKey(tier: string | undefined, customerUid: string): string {
  return `group|${storeKey(tier, customerUid)}`;
}
