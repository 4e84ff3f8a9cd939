import { keyDetailHref } from '@/components/key-href';
import { StaffLabel } from '@/components/staff-label';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { auditActionColumn, timeColumn } from '@/components/table-columns';
import { DataTable, None } from '@/components/ui/table';
import { TruncatedLink } from '@/components/ui/tooltip';
import { actorLabel, detailEntries } from '@/lib/audit/display';
import type { AuditTrailEvent } from '@/lib/model/audit';
import { AUDIT_RESULT_LABELS, auditActionLabel, type AuditFilters, type AuditResult } from '@/lib/validations/audit';

/** `/audit` filtered by one actor or target. */
type TrailHref = (filter: Pick<AuditFilters, 'actor' | 'target'>) => string;

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
function Target({ event, trailHref }: { event: AuditTrailEvent; trailHref: TrailHref }) {
  if (!event.targetType && !event.targetId) return <None />;
  const type = event.targetType ? (TARGET_TYPE_LABELS[event.targetType] ?? event.targetType) : null;
  if (event.targetType === 'staff' && event.targetId) {
    return (
      <>
        <StaffLabel
          id={event.targetId}
          email={event.targetStaff?.email}
          href={trailHref({ target: event.targetId })}
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
            event.targetType === 'billing_key' ? keyDetailHref(event.targetId) : trailHref({ target: event.targetId })
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

function Details({ details, hidden }: { details: AuditTrailEvent['details']; hidden: readonly string[] }) {
  const entries = detailEntries(details).filter((entry) => !hidden.includes(entry.key));
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

/**
 * Audit events: readable columns on a wide screen, one card per event on a phone. On `/audit`
 * (`trailHref` given) actors and targets link to the trail filtered by them; a key's page shows
 * its own events without the target column, with `actionName` for shorter names.
 */
export function AuditTable({
  events,
  caption,
  label,
  trailHref,
  actionName = auditActionLabel,
  hiddenDetails = [],
}: {
  events: AuditTrailEvent[];
  caption: string;
  label?: string;
  trailHref?: TrailHref;
  actionName?: (action: string) => string;
  /** Detail keys not worth showing here (an internal id, say). */
  hiddenDetails?: readonly string[];
}) {
  return (
    <DataTable
      caption={caption}
      label={label}
      rows={events}
      columns={[
        timeColumn<AuditTrailEvent>('시각 (KST)', (event) => event.at),
        {
          header: '수행자',
          className: 'md:min-w-40',
          cell: (event) =>
            event.actorEmail && trailHref ? (
              <TruncatedLink href={trailHref({ actor: event.actorEmail })} className="md:max-w-52">
                {actorLabel(event)}
              </TruncatedLink>
            ) : (
              // Muted only when there is no person to name (the system, an unknown caller).
              <span className={cn('break-all', !event.actorEmail && 'text-slate-600')}>{actorLabel(event)}</span>
            ),
        },
        auditActionColumn<AuditTrailEvent>(actionName, 'md:min-w-36'),
        trailHref && {
          header: '대상',
          className: 'md:min-w-40',
          cell: (event) => <Target event={event} trailHref={trailHref} />,
        },
        {
          header: '결과',
          cell: (event) => <Badge tone={RESULT_TONES[event.result]}>{AUDIT_RESULT_LABELS[event.result]}</Badge>,
        },
        { header: 'IP', className: 'font-mono text-xs whitespace-nowrap', cell: (event) => event.ip ?? <None /> },
        {
          header: '내용',
          className: 'md:min-w-64',
          cell: (event) => <Details details={event.details} hidden={hiddenDetails} />,
        },
      ]}
    />
  );
}
