import { OUTCOME_CLASSES, OUTCOME_LABELS, QA_SCENARIO_INFO } from '@/lib/qa/scenarios';
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

export const latencyText = (cell: QaCell) =>
  cell.latencyMs === null ? '—' : `${cell.latencyMs.toLocaleString('ko-KR')} ms`;

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
  return (
    <div
      role="region"
      aria-label={title}
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{title}: 행은 시나리오, 열은 채널</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left text-xs font-semibold text-slate-700">
              시나리오
            </th>
            {channels.map((channel) => (
              <th
                key={channel.channelKey}
                scope="col"
                className="px-3 py-2 text-left text-xs font-semibold text-slate-700"
              >
                {channel.channelName}
                <span className="block font-mono font-normal">{channel.pg}</span>
                <span className={channel.sandbox ? 'font-normal' : 'font-bold text-red-800'}>
                  {channel.sandbox ? '테스트' : '실제'}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {scenarios.map((scenario) => (
            <tr key={scenario}>
              <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                {QA_SCENARIO_INFO[scenario].label}
                <span className="block font-mono text-xs font-normal text-slate-600">{scenario}</span>
              </th>
              {channels.map((channel) => {
                const key = cellKey(channel.channelKey, scenario);
                const cell = byKey.get(key);
                const differs = highlight?.has(key) ?? false;
                return (
                  <td
                    key={key}
                    className={`px-2 py-2 align-top ${differs ? 'bg-fuchsia-50 outline-2 -outline-offset-2 outline-fuchsia-700' : ''}`}
                  >
                    {cell ? (
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
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
      <span
        className={`inline-block rounded border px-2 py-0.5 text-xs font-bold whitespace-nowrap ${OUTCOME_CLASSES[cell.outcome]}`}
      >
        {OUTCOME_LABELS[cell.outcome]}
      </span>
      {cell.pgCode && <span className="ml-1 font-mono text-xs font-semibold">{cell.pgCode}</span>}
      {cell.iamportCode !== null && !cell.pgCode && (
        <span className="ml-1 font-mono text-xs">code {cell.iamportCode}</span>
      )}
      <span className="block font-mono text-xs text-slate-700">{latencyText(cell)}</span>
      {differs && <span className="block text-xs font-bold text-fuchsia-900">다름</span>}
    </>
  );
  if (!onSelect) return <div>{body}</div>;
  const name = `${channel.channelName} × ${QA_SCENARIO_INFO[cell.scenario].label}: ${OUTCOME_LABELS[cell.outcome]}${cell.pgCode ? ` ${cell.pgCode}` : ''}, ${latencyText(cell)}`;
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-expanded={selected}
      aria-controls={detailId}
      aria-label={`${name} (자세히)`}
      className={`w-full rounded-md border px-2 py-1 text-left hover:bg-slate-50 ${selected ? 'border-blue-700 ring-2 ring-blue-700' : 'border-transparent'}`}
    >
      {body}
    </button>
  );
}
