import { QueryClient } from '@tanstack/react-query';

/** Query keys come from here only; never inline strings. */
export const queryKeys = {
  channels: () => ['channels'] as const,
  billingKey: (customerUid: string) => ['billing-keys', customerUid] as const,
  currentKey: (customerUid: string) => ['billing-keys', customerUid, 'current'] as const,
  billingKeyDetail: (customerUid: string) => ['billing-keys', customerUid, 'detail'] as const,
  attempts: (filters: Record<string, string | undefined>) => ['attempts', filters] as const,
  reconcile: () => ['reconcile'] as const,
  channelSettings: () => ['settings', 'channels'] as const,
  qaRuns: () => ['qa-runs'] as const,
  qaRun: (id: string) => ['qa-runs', id] as const,
};

let browserQueryClient: QueryClient | undefined;

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
  });
}

/** A new client per server render, one singleton in the browser. */
export function getQueryClient(): QueryClient {
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
