import { Badge, type BadgeTone } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { DataTable, type Column } from '@/components/ui/table';
import { cellMatch, MATCH_LABELS, OUTCOME_LABELS, QA_SCENARIO_INFO } from '@/lib/qa/scenarios';
import type { QaOutcome } from '@/lib/model/qa';
import { cellKey, type QaCell, type QaChannelSnapshot } from '@/lib/model/qa';
import type { QaScenario } from '@/lib/validations/qa';

interface MatrixProps {
  /** Names the table and its scrolling region. */
  title: string;
  channels: QaChannelSnapshot[];
  scenarios: QaScenario[];
  results: QaCell[];
  /** Cell keys to highlight (a comparison's differing cells). */
  highlight?: ReadonlySet<string>;
  /** With it, each cell is a button that opens its detail (the runner); without, plain cells (compare). */
  onSelect?: (key: string) => void;
  selectedKey?: string | null;
  /** id of the detail panel the cell buttons control. */
  detailId?: string;
}

const OUTCOME_TONES: Record<QaOutcome, BadgeTone> = {
  pending: 'slate',
  issued: 'green',
  rejected: 'amber',
  unknown: 'violet',
  error: 'red',
  skipped: 'outline',
};

export const latencyText = (cell: QaCell) =>
  cell.latencyMs === null ? '—' : `${cell.latencyMs.toLocaleString('ko-KR')} ms`;

/** `예상대로` / `예상과 다름`, or null while pending and for a skipped cell. */
export function matchText(cell: QaCell): string | null {
  const match = cellMatch(cell);
  return match ? MATCH_LABELS[match] : null;
}

/** The mark in a cell: a sign and words, so it never rests on colour alone. */
function MatchMark({ cell }: { cell: QaCell }) {
  const match = cellMatch(cell);
  if (!match) return null;
  return (
    <span
      data-match={match}
      className={cn(
        'mt-0.5 block text-xs font-bold',
        match === 'matched' ? 'text-emerald-800' : 'text-red-800 underline decoration-2',
      )}
    >
      <span aria-hidden="true">{match === 'matched' ? '✓ ' : '✗ '}</span>
      {MATCH_LABELS[match]}
      {match === 'mismatched' && (
        <span className="block font-normal">
          예상: {OUTCOME_LABELS[cell.expected]}
          {cell.expectedPgCode ? ` ${cell.expectedPgCode}` : ''}
        </span>
      )}
    </span>
  );
}

/** How many finished cells came out as expected, for the line above the matrix. */
export function matchCounts(results: readonly QaCell[]): { matched: number; mismatched: number } {
  let matched = 0;
  let mismatched = 0;
  for (const cell of results) {
    const match = cellMatch(cell);
    if (match === 'matched') matched += 1;
    if (match === 'mismatched') mismatched += 1;
  }
  return { matched, mismatched };
}

/** The run's matrix: scenarios down, channels across; each cell its outcome, latency and PG code. */
export function Matrix({
  title,
  channels,
  scenarios,
  results,
  highlight,
  onSelect,
  selectedKey,
  detailId,
}: MatrixProps) {
  const byKey = new Map(results.map((cell) => [cellKey(cell.channelKey, cell.scenario), cell]));
  const scenarioColumn: Column<QaScenario> = {
    header: '시나리오',
    rowHeader: true,
    className: 'min-w-40',
    cell: (scenario) => (
      <>
        {QA_SCENARIO_INFO[scenario].label}
        <span className="block font-mono text-xs font-normal text-slate-600">{scenario}</span>
      </>
    ),
  };
  const channelColumns = channels.map((channel): Column<QaScenario> => ({
    id: channel.channelKey,
    header: (
      <>
        {channel.channelName}
        <span className="block font-mono font-normal">{channel.pg}</span>
        <span className={channel.sandbox ? 'font-normal' : 'font-bold text-red-800'}>
          {channel.sandbox ? '테스트' : '실제'}
        </span>
      </>
    ),
    headerClassName: 'min-w-32 whitespace-normal',
    className: (scenario) =>
      cn(
        'px-2',
        highlight?.has(cellKey(channel.channelKey, scenario)) &&
          'bg-fuchsia-50 outline-2 -outline-offset-2 outline-fuchsia-700',
      ),
    cell: (scenario) => {
      const key = cellKey(channel.channelKey, scenario);
      const cell = byKey.get(key);
      const differs = highlight?.has(key) ?? false;
      return cell ? (
        <CellContent
          cell={cell}
          channel={channel}
          differs={differs}
          selected={selectedKey === key}
          onSelect={onSelect ? () => onSelect(key) : undefined}
          detailId={detailId}
        />
      ) : (
        <span className="text-slate-700">{differs ? '없음 (다름)' : '없음'}</span>
      );
    },
  }));
  return (
    <DataTable
      label={title}
      caption={`${title}: 행은 시나리오, 열은 채널`}
      cards={false}
      stickyFirst
      rows={scenarios}
      columns={[scenarioColumn, ...channelColumns]}
    />
  );
}

function CellContent({
  cell,
  channel,
  differs,
  selected,
  onSelect,
  detailId,
}: {
  cell: QaCell;
  channel: QaChannelSnapshot;
  differs: boolean;
  selected: boolean;
  onSelect?: () => void;
  detailId?: string;
}) {
  const body = (
    <>
      <Badge tone={OUTCOME_TONES[cell.outcome]} className="font-bold">
        {OUTCOME_LABELS[cell.outcome]}
      </Badge>
      {cell.pgCode && <span className="ml-1 font-mono text-xs font-semibold">{cell.pgCode}</span>}
      {cell.iamportCode !== null && !cell.pgCode && (
        <span className="ml-1 font-mono text-xs">code {cell.iamportCode}</span>
      )}
      <span className="block font-mono text-xs text-slate-700">{latencyText(cell)}</span>
      <MatchMark cell={cell} />
      {differs && <span className="block text-xs font-bold text-fuchsia-900">다름</span>}
    </>
  );
  if (!onSelect) return <div>{body}</div>;
  const match = matchText(cell);
  const name = `${channel.channelName} × ${QA_SCENARIO_INFO[cell.scenario].label}: ${OUTCOME_LABELS[cell.outcome]}${cell.pgCode ? ` ${cell.pgCode}` : ''}, ${latencyText(cell)}${match ? `, ${match}` : ''}`;
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-expanded={selected}
      aria-controls={detailId}
      aria-label={`${name} (자세히)`}
      className={cn(
        'w-full rounded-md border px-2 py-1 text-left hover:bg-slate-50',
        selected ? 'border-blue-700 ring-2 ring-blue-700' : 'border-transparent',
      )}
    >
      {body}
    </button>
  );
}
