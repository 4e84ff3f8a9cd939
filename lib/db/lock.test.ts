import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireFolderLock, DatabaseLockedError } from './lock';

/** A second process that holds `lockPath` the way a running server would. */
function holdLockInChild(lockPath: string): Promise<{ pid: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const fs=require('fs');fs.writeFileSync(${JSON.stringify(lockPath)},JSON.stringify({pid:process.pid,command:'next start (test)',startedAt:new Date().toISOString()}));console.log('held');setInterval(()=>{},1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve) => {
    child.stdout.once('data', () => resolve({ pid: child.pid!, stop: () => child.kill('SIGKILL') }));
  });
}

describe('database folder lock', () => {
  it('refuses a second process while the first holds the folder, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-lock-'));
    const lockPath = join(dir, 'pglite.lock');
    const holder = await holdLockInChild(lockPath);
    try {
      let caught: unknown;
      try {
        acquireFolderLock(lockPath);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DatabaseLockedError);
      expect((caught as Error).message).toContain(`process ${holder.pid}`);
      expect((caught as Error).message).toContain('next start (test)');
    } finally {
      holder.stop();
    }
  });

  it('takes over a lock naming a live PID that is another process (PID reused after a restart)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-lock-'));
    const lockPath = join(dir, 'pglite.lock');
    const other = await holdLockInChild(join(dir, 'unrelated.lock'));
    try {
      writeFileSync(
        lockPath,
        JSON.stringify({ pid: other.pid, command: 'next start', startedAt: 'before the restart', processStart: '1' }),
      );
      const release = acquireFolderLock(lockPath);
      expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
      release();
    } finally {
      other.stop();
    }
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-lock-'));
    const lockPath = join(dir, 'pglite.lock');
    writeFileSync(lockPath, JSON.stringify({ pid: 2 ** 22 + 12345, command: 'crashed', startedAt: 'yesterday' }));
    const release = acquireFolderLock(lockPath);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(lockPath)).toBe(false);
  });
});
