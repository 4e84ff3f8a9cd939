import 'server-only';
import type { SandboxContext } from './context';
import { droppedConnection, envelopeBody, htmlBadGateway, internalError } from './responses';
import type { SandboxFaultKind } from './types';

/** What an injected fault can make the sandbox answer (the magic cards' failures, per customer_uid). */
export const SANDBOX_FAULT_KINDS = ['http_500', 'html_error', 'connection_drop'] as const;

export function isFaultKind(value: unknown): value is SandboxFaultKind {
  return typeof value === 'string' && (SANDBOX_FAULT_KINDS as readonly string[]).includes(value);
}

/** Every customer_uid an API request names: the path's, and a multi-get's `customer_uid[]` list. */
export function uidsNamedBy(url: URL, pathUid: string): string[] {
  const uids = [...url.searchParams.getAll('customer_uid[]'), ...url.searchParams.getAll('customer_uid')];
  return pathUid === '' ? uids : [pathUid, ...uids];
}

/** The fault set for any of these uids (the first one found), if any. */
export function faultFor(
  ctx: SandboxContext,
  uids: readonly string[],
): { uid: string; kind: SandboxFaultKind } | undefined {
  for (const uid of uids) {
    const kind = ctx.faults.get(uid);
    if (kind) return { uid, kind };
  }
  return undefined;
}

/** The answer of a request hit by a fault, shaped like the failure it stands for. */
export function faultResponse(kind: SandboxFaultKind, uid: string): Response {
  switch (kind) {
    case 'http_500':
      return internalError();
    case 'html_error':
      return htmlBadGateway();
    case 'connection_drop':
      return droppedConnection(envelopeBody(0, null, { customer_uid: uid, pg_provider: 'nice', pg_id: 'nictest04m' }));
  }
}
