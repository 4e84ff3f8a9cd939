import { StaffLabel } from '@/components/staff-label';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { None, Table, TableFrame, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { TruncatedLink } from '@/components/ui/tooltip';
import { actorLabel, detailEntries } from '@/lib/audit/display';
import type { AuditTrailEvent } from '@/lib/model/audit';
import { formatKst } from '@/lib/format';
import { AUDIT_RESULT_LABELS, auditActionLabel, type AuditResult } from '@/lib/validations/audit';
import { auditHref } from './audit-href';

const RESULT_TONES: Record<AuditResult, BadgeTone> = { success: 'green', failure: 'red', denied: 'amber' };

const TARGET_TYPE_LABELS: Record<string, string> = {
  billing_key: '빌링키',
  billing_keys: '빌링키 목록',
  staff: '직원',
  setting: '설정',
  settings: '설정',
  card_link: '등록 링크',
  audit_events: '감사 기록',
  qa_run: 'QA 실행',
};

/**
 * A billing key links to its page; anything else to the trail filtered by it. A staff member shows
 * by email (and name), the id on hover/focus. Long ids are cut, whole on hover/focus.
 */
function Target({ event }: { event: AuditTrailEvent }) {
  if (!event.targetType && !event.targetId) return <None />;
  const type = event.targetType ? (TARGET_TYPE_LABELS[event.targetType] ?? event.targetType) : null;
  if (event.targetType === 'staff' && event.targetId) {
    return (
      <>
        <StaffLabel
          id={event.targetId}
          email={event.targetStaff?.email}
          href={auditHref({ target: event.targetId })}
          className="md:max-w-52"
        />
        <small>{event.targetStaff ? `${type} · ${event.targetStaff.name}` : type}</small>
      </>
    );
  }
  return (
    <>
      {event.targetId && (
        <TruncatedLink
          href={
            event.targetType === 'billing_key'
              ? `/keys/${encodeURIComponent(event.targetId)}`
              : auditHref({ target: event.targetId })
          }
          mono
          className="md:max-w-52"
        >
          {event.targetId}
        </TruncatedLink>
      )}
      {type && <small>{type}</small>}
    </>
  );
}

function Details({ details }: { details: AuditTrailEvent['details'] }) {
  const entries = detailEntries(details);
  if (entries.length === 0) return <None />;
  return (
    <ul className="space-y-0.5 text-xs">
      {entries.map((entry) => (
        <li key={entry.key} className="break-words">
          <span className="text-slate-600">{entry.label}:</span> <span className="font-mono">{entry.value}</span>
        </li>
      ))}
    </ul>
  );
}

function Row({ event }: { event: AuditTrailEvent }) {
  const actor = actorLabel(event);
  return (
    <TR>
      <TD primary className="whitespace-nowrap">
        <time dateTime={event.at}>{formatKst(event.at)}</time>
      </TD>
      <TD label="수행자" className="md:min-w-40">
        {event.actorEmail ? (
          <TruncatedLink href={auditHref({ actor: event.actorEmail })} className="md:max-w-52">
            {actor}
          </TruncatedLink>
        ) : (
          <span className="text-slate-600">{actor}</span>
        )}
      </TD>
      <TD label="작업" className="md:min-w-36">
        {auditActionLabel(event.action)}
        <span className="block font-mono text-xs text-slate-600">{event.action}</span>
      </TD>
      <TD label="대상" className="md:min-w-40">
        <Target event={event} />
      </TD>
      <TD label="결과">
        <Badge tone={RESULT_TONES[event.result]}>{AUDIT_RESULT_LABELS[event.result]}</Badge>
      </TD>
      <TD label="IP" className="font-mono text-xs whitespace-nowrap">
        {event.ip ?? <None />}
      </TD>
      <TD label="내용" className="md:min-w-64">
        <Details details={event.details} />
      </TD>
    </TR>
  );
}

/** One page of audit events: readable columns on a wide screen, one card per event on a phone. */
export function AuditTable({ events }: { events: AuditTrailEvent[] }) {
  return (
    <TableFrame label="감사 기록 표">
      <Table caption="감사 기록, 최신 순" cards>
        <THead>
          <tr>
            <TH>시각 (KST)</TH>
            <TH>수행자</TH>
            <TH>작업</TH>
            <TH>대상</TH>
            <TH>결과</TH>
            <TH>IP</TH>
            <TH>내용</TH>
          </tr>
        </THead>
        <TBody>
          {events.map((event) => (
            <Row key={event.id} event={event} />
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
