import { cellKey, type QaCell } from '@/lib/model/qa';

/** What must match for two runs' cells to count as the same: outcome and codes, not latency. */
export function cellSignature(cell: QaCell | undefined): string {
  return cell ? `${cell.outcome}|${cell.pgCode ?? ''}|${cell.iamportCode ?? ''}` : 'absent';
}

export interface CellDifference {
  key: string;
  channelKey: string;
  scenario: string;
  a: QaCell | undefined;
  b: QaCell | undefined;
}

/** Cells (by channel × scenario) whose outcome or codes differ between two runs, or that only one run has. */
export function differingCells(a: readonly QaCell[], b: readonly QaCell[]): CellDifference[] {
  const byKey = (cells: readonly QaCell[]) =>
    new Map(cells.map((cell) => [cellKey(cell.channelKey, cell.scenario), cell]));
  const left = byKey(a);
  const right = byKey(b);
  const differences: CellDifference[] = [];
  for (const key of new Set([...left.keys(), ...right.keys()])) {
    const cellA = left.get(key);
    const cellB = right.get(key);
    if (cellSignature(cellA) === cellSignature(cellB)) continue;
    const sample = (cellA ?? cellB) as QaCell;
    differences.push({ key, channelKey: sample.channelKey, scenario: sample.scenario, a: cellA, b: cellB });
  }
  return differences;
}
