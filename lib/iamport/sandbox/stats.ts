import 'server-only';
import type { SandboxStats } from './types';

export type StatName = Exclude<keyof SandboxStats, 'total'>;

export function emptyStats(): SandboxStats {
  return {
    getToken: 0,
    issue: 0,
    get: 0,
    multiGet: 0,
    delete: 0,
    listChannels: 0,
    payments: 0,
    schedules: 0,
    payAgain: 0,
    total: 0,
  };
}
