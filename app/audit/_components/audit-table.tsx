import Link from 'next/link';
import type { ReactNode } from 'react';
import { actorLabel, detailEntries } from '@/lib/audit/display';
import type { AuditTrailEvent } from '@/lib/model/audit';
import { formatKst } from '@/lib/format';
import { AUDIT_RESULT_LABELS, auditActionLabel, type AuditResult } from '@/lib/validations/audit';

const th = 'px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700';
const td = 'px-3 py-2 align-top text-sm text-slate-900';
const muted = 'text-slate-600';
const none = <span className={muted}>—</span>;

const RESULT_TONES: Record<AuditResult, string> = {
  success: 'border-emerald-300 bg-emerald-100 text-emerald-900',
  failure: 'border-red-300 bg-red-100 text-red-900',
  denied: 'border-amber-400 bg-amber-100 text-amber-950',
};

const TARGET_TYPE_LABELS: Record<string, string> = {
  billing_key: '빌링키',
  billing_keys: '빌링키 목록',
  staff: '직원',
  setting: '설정',
  audit_events: '감사 기록',
  qa_run: 'QA 실행',
};

function Target({ event }: { event: AuditTrailEvent }) {
  if (!event.targetType && !event.targetId) return none;
  const type = event.targetType ? (TARGET_TYPE_LABELS[event.targetType] ?? event.targetType) : null;
  let id: ReactNode = null;
  if (event.targetId && event.targetType === 'billing_key') {
    id = (
      <Link
        href={`/keys/${encodeURIComponent(event.targetId)}`}
        className="font-mono break-all text-blue-800 underline underline-offset-2"
      >
        {event.targetId}
      </Link>
    );
  } else if (event.targetId) {
    id = <span className="font-mono break-all">{event.targetId}</span>;
  }
  return (
    <>
      {id}
      {type && <span className={`block text-xs ${muted}`}>{type}</span>}
    </>
  );
}

function Details({ details }: { details: AuditTrailEvent['details'] }) {
  const entries = detailEntries(details);
  if (entries.length === 0) return none;
  return (
    <ul className="space-y-0.5 text-xs">
      {entries.map((entry) => (
        <li key={entry.key} className="break-words">
          <span className={muted} title={entry.key}>
            {entry.label}:
          </span>{' '}
          <span className="font-mono">{entry.value}</span>
        </li>
      ))}
    </ul>
  );
}

function Row({ event }: { event: AuditTrailEvent }) {
  const actor = actorLabel(event);
  return (
    <tr>
      <td className={`${td} whitespace-nowrap`}>
        <time dateTime={event.at}>{formatKst(event.at)}</time>
      </td>
      <td className={`${td} break-all`}>{event.actorEmail ? actor : <span className={muted}>{actor}</span>}</td>
      <td className={td}>
        {auditActionLabel(event.action)}
        <span className={`block font-mono text-xs ${muted}`}>{event.action}</span>
      </td>
      <td className={td}>
        <Target event={event} />
      </td>
      <td className={td}>
        <span
          className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${RESULT_TONES[event.result]}`}
        >
          {AUDIT_RESULT_LABELS[event.result]}
        </span>
      </td>
      <td className={`${td} font-mono text-xs whitespace-nowrap`}>{event.ip ?? none}</td>
      <td className={`${td} min-w-64`}>
        <Details details={event.details} />
      </td>
    </tr>
  );
}

/** One page of audit events; the region scrolls sideways on narrow screens and takes keyboard focus for it. */
export function AuditTable({ events }: { events: AuditTrailEvent[] }) {
  return (
    <div
      role="region"
      aria-label="감사 기록 표"
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white"
    >
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">감사 기록, 최신 순</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              시각 (KST)
            </th>
            <th scope="col" className={th}>
              수행자
            </th>
            <th scope="col" className={th}>
              작업
            </th>
            <th scope="col" className={th}>
              대상
            </th>
            <th scope="col" className={th}>
              결과
            </th>
            <th scope="col" className={th}>
              IP
            </th>
            <th scope="col" className={th}>
              내용
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <Row key={event.id} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
