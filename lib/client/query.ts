import { QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from './api';

/** Query keys come from here only; never inline strings. */
export const queryKeys = {
  channels: () => ['channels'] as const,
  billingKey: (customerUid: string) => ['billing-keys', customerUid] as const,
  currentKey: (customerUid: string) => ['billing-keys', customerUid, 'current'] as const,
  link: (id: string) => ['links', id] as const,
  qaRuns: () => ['qa-runs'] as const,
  qaRun: (id: string) => ['qa-runs', id] as const,
};

/**
 * The queries the browser runs by itself (docs/frontend.md, "Loading data"): key and fetcher
 * together, so every `useQuery` and `fetchQuery` of one thing agrees.
 */
export const queries = {
  channels: () => queryOptions({ queryKey: queryKeys.channels(), queryFn: api.channels }),
  /** What a customer_uid holds now; always asked afresh (the answer guards a replacement). */
  currentKey: (customerUid: string) =>
    queryOptions({
      queryKey: queryKeys.currentKey(customerUid),
      queryFn: () => api.currentKey(customerUid),
      staleTime: 0,
    }),
  /** A card-registration link's live state (the agent's screen polls it). */
  link: (id: string) => queryOptions({ queryKey: queryKeys.link(id), queryFn: () => api.link(id), staleTime: 0 }),
  qaRuns: () => queryOptions({ queryKey: queryKeys.qaRuns(), queryFn: api.qaRuns, staleTime: 0 }),
  qaRun: (id: string) => queryOptions({ queryKey: queryKeys.qaRun(id), queryFn: () => api.qaRun(id), staleTime: 0 }),
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
