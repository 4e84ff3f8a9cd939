import type { SecuritySettings } from '@/lib/auth/settings';
import type { StaffView } from '@/lib/auth/staff';
import type {
  AttemptsPage,
  BillingKeyDetail,
  CurrentKeyCheck,
  DeleteResult,
  IssueResult,
  ReconcileOverview,
  ReconcileResult,
  StoredBillingKeyView,
} from '@/lib/model/billing-keys';
import type { CreatedLink, LinkDetail, LinkRegistered, LinkSettingsView, LinksPage, LinkView } from '@/lib/model/links';
import type { QaRunSummary, QaRunView } from '@/lib/model/qa';
import type { ChannelSettingsView, ListedChannel } from '@/lib/model/settings';
import type { Actor } from '@/lib/model/staff';
import type { ChannelSettingsInput } from '@/lib/settings/schema';
import type { AttemptsQueryInput } from '@/lib/validations/attempts';
import type {
  ChangePasswordInput,
  SecuritySettingsInput,
  SetupInput,
  StaffCreateInput,
  StaffUpdateInput,
} from '@/lib/validations/auth';
import type { IssueBillingKeyInput } from '@/lib/validations/billing-key';
import type { DeleteBillingKeyInput, DuplicateCardInput } from '@/lib/validations/key-actions';
import type { CreateLinkInput, LinkSettingsInput, LinkSubmissionInput, SendLinkInput } from '@/lib/validations/links';
import type { QaRunInput } from '@/lib/validations/qa';
import { request, send } from './http';

export { ApiError, type ApiErrorBody } from './http';

export interface DuplicateCardMatch {
  customerUid: string;
  customerName: string | null;
  cardNumberMasked: string | null;
}

export interface AccountView {
  actor: Actor;
  name: string;
  twoFactorEnabled: boolean;
  mustEnrollTwoFactor: boolean;
  /** Milliseconds from the answer: until the idle end, until the absolute end; and the idle limit. */
  session: { idleRemainingMs: number; remainingMs: number; idleTimeoutMs: number };
}

const uid = (customerUid: string) => `/api/billing-keys/${encodeURIComponent(customerUid)}`;

/** Every call the browser makes: the app's routes and better-auth's, through one fetch and one error class. */
export const api = {
  // Billing keys
  channels: () => request<{ channels: ListedChannel[] }>('/api/channels').then((data) => data.channels),
  issueBillingKey: (input: IssueBillingKeyInput) => request<IssueResult>('/api/billing-keys', send('POST', input)),
  currentKey: (customerUid: string) => request<CurrentKeyCheck>(`${uid(customerUid)}/current`),
  /** The same card (first 6 and last 4, in the body only) on other active keys. */
  duplicateCards: (input: DuplicateCardInput) =>
    request<{ matches: DuplicateCardMatch[] }>('/api/duplicate-cards', send('POST', input)).then(
      (data) => data.matches,
    ),
  billingKeyDetail: (customerUid: string) => request<BillingKeyDetail>(uid(customerUid)),
  deleteBillingKey: (customerUid: string, input: DeleteBillingKeyInput) =>
    request<DeleteResult>(uid(customerUid), send('DELETE', input)),
  acknowledgeLiveState: (customerUid: string) =>
    request<{ stored: StoredBillingKeyView }>(`${uid(customerUid)}/acknowledge`, send('POST')).then(
      (data) => data.stored,
    ),
  attempts: (filters: AttemptsQueryInput) =>
    request<AttemptsPage>(`/api/attempts?${new URLSearchParams(filters as Record<string, string>).toString()}`),
  // Card-registration links
  createLink: (input: CreateLinkInput) => request<CreatedLink>('/api/links', send('POST', input)),
  links: (filters: Record<string, string> = {}) =>
    request<LinksPage>(`/api/links?${new URLSearchParams(filters).toString()}`),
  link: (id: string) => request<LinkDetail>(`/api/links/${encodeURIComponent(id)}`),
  revokeLink: (id: string) =>
    request<{ link: LinkView }>(`/api/links/${encodeURIComponent(id)}/revoke`, send('POST')).then((data) => data.link),
  sendLink: (id: string, input: SendLinkInput) =>
    request<{ link: LinkView }>(`/api/links/${encodeURIComponent(id)}/send`, send('POST', input)).then(
      (data) => data.link,
    ),
  submitLink: (input: LinkSubmissionInput & { token: string }) =>
    request<LinkRegistered>('/api/links/submit', send('POST', input)),
  linkSettings: () => request<LinkSettingsView>('/api/settings/links'),
  saveLinkSettings: (input: LinkSettingsInput) => request<LinkSettingsView>('/api/settings/links', send('PUT', input)),
  reconcileOverview: () => request<ReconcileOverview>('/api/reconcile'),
  runReconcile: () => request<ReconcileResult>('/api/reconcile', send('POST')),
  // Settings and QA
  channelSettings: () => request<ChannelSettingsView>('/api/settings/channels'),
  saveChannelSettings: (input: ChannelSettingsInput) =>
    request<ChannelSettingsView>('/api/settings/channels', send('PUT', input)),
  qaRuns: () => request<{ runs: QaRunSummary[] }>('/api/qa/runs').then((data) => data.runs),
  qaRun: (id: string) => request<{ run: QaRunView }>(`/api/qa/runs/${encodeURIComponent(id)}`).then((data) => data.run),
  startQaRun: (input: QaRunInput) =>
    request<{ run: QaRunView }>('/api/qa/runs', send('POST', input)).then((data) => data.run),
  // Staff accounts and sessions (better-auth's endpoints under /api/auth, the app's beside them)
  signIn: (email: string, password: string) =>
    request<{ twoFactorRedirect?: boolean }>(
      '/api/auth/sign-in/email',
      send('POST', { email, password, rememberMe: true }),
    ),
  verifySignInCode: (code: string) =>
    // The session token stays in its HttpOnly cookie: the body never carries it (lib/auth/handler.ts).
    request<{ user?: { id: string } }>('/api/auth/two-factor/verify-totp', send('POST', { code })),
  signOut: () => request<{ success: boolean }>('/api/auth/sign-out', send('POST', {})),
  account: () => request<AccountView>('/api/account'),
  setup: (input: SetupInput) => request<{ staff: StaffView }>('/api/setup', send('POST', input)),
  listStaff: () => request<{ staff: StaffView[] }>('/api/staff').then((data) => data.staff),
  createStaff: (input: StaffCreateInput) =>
    request<{ staff: StaffView }>('/api/staff', send('POST', input)).then((data) => data.staff),
  updateStaff: (userId: string, change: StaffUpdateInput) =>
    request<{ staff: StaffView }>(`/api/staff/${encodeURIComponent(userId)}`, send('PATCH', change)).then(
      (data) => data.staff,
    ),
  securitySettings: () =>
    request<{ settings: SecuritySettings }>('/api/settings/security').then((data) => data.settings),
  updateSecuritySettings: (input: SecuritySettingsInput) =>
    request<{ settings: SecuritySettings }>('/api/settings/security', send('PUT', input)).then((data) => data.settings),
  changePassword: (input: ChangePasswordInput) =>
    request<{ changed: true }>('/api/account/password', send('POST', input)),
  signOutEverywhere: () => request<{ ended: number }>('/api/account/sessions', send('DELETE')),
  startTwoFactor: (password: string) =>
    request<{ totpURI: string; backupCodes: string[] }>('/api/auth/two-factor/enable', send('POST', { password })),
  confirmTwoFactor: (code: string) =>
    // The session token stays in its HttpOnly cookie: the body never carries it (lib/auth/handler.ts).
    request<{ user?: { id: string } }>('/api/auth/two-factor/verify-totp', send('POST', { code })),
  disableTwoFactor: (password: string) =>
    request<{ status: boolean }>('/api/auth/two-factor/disable', send('POST', { password })),
};

/**
 * A full page load, not a client-side push: after signing in or out no cached data or rendered
 * header of the previous account may survive in this tab.
 */
export function loadPage(path: string): void {
  window.location.assign(path);
}
