import type { QaScenario } from '@/lib/validations/qa';

/** Shared with the browser: what a QA run stores and the API returns. Never card data. */

/** `pending` until the cell ran; `skipped` when nothing was sent (a test card on a live channel). */
export type QaOutcome = 'pending' | 'issued' | 'rejected' | 'unknown' | 'error' | 'skipped';

/** The channel as it was when the run started (`GET /users/pg`). */
export interface QaChannelSnapshot {
  channelKey: string;
  pgProvider: string;
  pgId: string;
  /** `provider.MID`. */
  pg: string;
  channelName: string;
  /** Test channel (or the sandbox). */
  sandbox: boolean;
}

/** The request as sent, with the card number masked and the secrets replaced by `**`. */
export interface QaRedactedRequest {
  method: 'POST';
  path: string;
  body: Record<string, string>;
}

export type QaResponse =
  /** Iamport's envelope: code 0 with the key, or the refusal's code and message. */
  | {
      kind: 'envelope';
      httpStatus: number | null;
      envelope: { code: number; message: string | null; response: unknown };
    }
  /** No usable envelope: timeout, 5xx, HTML page, truncated JSON, dropped connection, refused token. */
  | {
      kind: 'error';
      errorKind: 'timeout' | 'unavailable' | 'unauthorized' | 'not_found' | 'unexpected';
      httpStatus: number | null;
      message: string;
    }
  | { kind: 'skipped'; message: string };

export interface QaCell {
  channelKey: string;
  scenario: QaScenario;
  /** `qa_…`; null when nothing was sent. */
  customerUid: string | null;
  outcome: QaOutcome;
  /** What the sandbox answers to this scenario on this channel's PG (a real PG may differ). */
  expected: Exclude<QaOutcome, 'pending' | 'skipped'>;
  /**
   * The PG reason code the sandbox answers on this channel's PG (`F115`, `7051`, ...), or null when
   * none is expected or it cannot be known (a live channel). Absent on runs stored before it existed.
   */
  expectedPgCode?: string | null;
  latencyMs: number | null;
  pgCode: string | null;
  iamportCode: number | null;
  /** Iamport's message (verbatim) or the error's. */
  message: string | null;
  request: QaRedactedRequest | null;
  response: QaResponse | null;
}

export interface QaCleanup {
  /** `done` once every key the run may have created was dealt with. */
  status: 'pending' | 'done';
  deleted: string[];
  /** Outcome unknown, and Iamport had no key under the uid: nothing to delete. */
  absent: string[];
  /** Still at Iamport: deletion failed. */
  failed: { customerUid: string; message: string }[];
}

/** `interrupted`: still "running" long after any run could have ended (the server stopped meanwhile). */
export type QaRunStatus = 'running' | 'cleaning' | 'completed' | 'failed' | 'interrupted';

export type QaCounts = Record<Exclude<QaOutcome, 'pending'>, number>;

export interface QaRunSummary {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  actorId: string | null;
  actorEmail: string | null;
  status: QaRunStatus;
  channels: QaChannelSnapshot[];
  scenarios: QaScenario[];
  issueTimeoutMs: number;
  counts: QaCounts;
  /** Keys whose deletion failed. */
  cleanupFailed: number;
  /** Wall-clock duration, once finished. */
  durationMs: number | null;
}

export interface QaRunView extends QaRunSummary {
  results: QaCell[];
  cleanup: QaCleanup;
  /** Why the run stopped, when it failed as a whole. */
  error: string | null;
}

export const cellKey = (channelKey: string, scenario: string): string => `${channelKey}\u0000${scenario}`;
