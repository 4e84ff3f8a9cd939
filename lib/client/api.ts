import type { ErrorBody } from '@/lib/errors';
import type { BillingKeyView, CurrentKeyCheck, IssueResult } from '@/lib/model/billing-keys';
import type { IssueBillingKeyInput } from '@/lib/validations/billing-key';
import type {
  AttemptsPage,
  BillingKeyDetail,
  DeleteResult,
  ReconcileOverview,
  ReconcileResult,
  StoredBillingKeyView,
} from '@/lib/model/billing-keys';
import type { AttemptsQueryInput } from '@/lib/validations/attempts';
import type { DeleteBillingKeyInput } from '@/lib/validations/key-actions';
import type { QaRunSummary, QaRunView } from '@/lib/model/qa';
import type { ChannelSettingsInput } from '@/lib/settings/schema';
import type { ChannelSettingsView, ListedChannel } from '@/lib/model/settings';
import type { QaRunInput } from '@/lib/validations/qa';

/** The error part of an answer, with the domain types `lib/errors` cannot name. */
export type ApiErrorBody = Omit<ErrorBody['error'], 'existing'> & { existing?: BillingKeyView };

/** An error answer of the app's API, as the browser sees it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, {
      code: 'upstream_unavailable',
      message: '서버에 연결할 수 없습니다. 네트워크를 확인하세요.',
    });
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = (data as { error?: ApiErrorBody } | null)?.error;
    throw new ApiError(
      response.status,
      body ?? { code: 'internal_error', message: `서버 오류 (HTTP ${response.status})` },
    );
  }
  return data as T;
}

export const api = {
  channels: () => request<{ channels: ListedChannel[] }>('/api/channels').then((data) => data.channels),
  issueBillingKey: (input: IssueBillingKeyInput) =>
    request<IssueResult>('/api/billing-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }),
  currentKey: (customerUid: string) =>
    request<CurrentKeyCheck>(`/api/billing-keys/${encodeURIComponent(customerUid)}/current`),
  billingKeyDetail: (customerUid: string) =>
    request<BillingKeyDetail>(`/api/billing-keys/${encodeURIComponent(customerUid)}`),
  deleteBillingKey: (customerUid: string, input: DeleteBillingKeyInput) =>
    request<DeleteResult>(`/api/billing-keys/${encodeURIComponent(customerUid)}`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }),
  acknowledgeLiveState: (customerUid: string) =>
    request<{ stored: StoredBillingKeyView }>(`/api/billing-keys/${encodeURIComponent(customerUid)}/acknowledge`, {
      method: 'POST',
    }).then((data) => data.stored),
  attempts: (filters: AttemptsQueryInput) =>
    request<AttemptsPage>(`/api/attempts?${new URLSearchParams(filters as Record<string, string>).toString()}`),
  reconcileOverview: () => request<ReconcileOverview>('/api/reconcile'),
  runReconcile: () => request<ReconcileResult>('/api/reconcile', { method: 'POST' }),
  channelSettings: () => request<ChannelSettingsView>('/api/settings/channels'),
  saveChannelSettings: (input: ChannelSettingsInput) =>
    request<ChannelSettingsView>('/api/settings/channels', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }),
  qaRuns: () => request<{ runs: QaRunSummary[] }>('/api/qa/runs').then((data) => data.runs),
  qaRun: (id: string) => request<{ run: QaRunView }>(`/api/qa/runs/${encodeURIComponent(id)}`).then((data) => data.run),
  startQaRun: (input: QaRunInput) =>
    request<{ run: QaRunView }>('/api/qa/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }).then((data) => data.run),
};
