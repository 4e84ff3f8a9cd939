import 'server-only';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

interface LockOwner {
  pid: number;
  command: string;
  startedAt: string;
  /**
   * The process's start time in clock ticks since boot (`/proc/<pid>/stat`, field 22): a PID reused by
   * another process after a restart has another start time, so its lock is known to be stale.
   */
  processStart?: string;
}

/** `/proc/<pid>/stat`'s start time, or null where there is no /proc (then the PID alone decides). */
export function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** The lock's owner is still running: its PID is alive and, when recorded, is the same process. */
function ownerRunning(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  if (!owner.processStart) return true;
  const now = processStartOf(owner.pid);
  return now === null || now === owner.processStart;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The database folder is in use by process ${owner.pid} (${owner.command}), running since ${owner.startedAt}. ` +
        `PGlite cannot be shared between processes: stop that process first, or set DATABASE_URL to a PostgreSQL ` +
        `server to run several processes. Lock file: ${lockPath}`,
    );
    this.name = 'DatabaseLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/**
 * Takes an exclusive lock file for an embedded database folder (PGlite does not lock it itself, and
 * a second opener would corrupt it). A lock left by a dead process is taken over. Returns `release`.
 */
export function acquireFolderLock(lockPath: string): () => void {
  const me: LockOwner = {
    pid: process.pid,
    command: process.argv.slice(1).join(' ').slice(0, 200),
    startedAt: new Date().toISOString(),
    processStart: processStartOf(process.pid) ?? undefined,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        if (readOwner(lockPath)?.pid === process.pid) {
          try {
            unlinkSync(lockPath);
          } catch {
            // already gone
          }
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner && owner.pid !== process.pid && ownerRunning(owner)) throw new DatabaseLockedError(lockPath, owner);
      // Stale (its process is gone, or its PID now names another process) or unreadable: take it over.
      try {
        unlinkSync(lockPath);
      } catch {
        // raced with another taker; the next openSync decides
      }
    }
  }
  const owner = readOwner(lockPath);
  throw new DatabaseLockedError(lockPath, owner ?? { pid: -1, command: 'unknown', startedAt: 'unknown' });
}
