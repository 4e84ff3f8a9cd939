import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db';
import type { IamportRuntime } from './index';
import { defineUseCase, type Resolved } from './deps';

const processDb = { name: 'process database' } as unknown as Db;
const processRuntime = { mode: 'sandbox' } as unknown as IamportRuntime;
const { getDb, getIamport } = vi.hoisted(() => ({ getDb: vi.fn(), getIamport: vi.fn() }));
vi.mock('@/lib/db', () => ({ getDb }));
vi.mock('./index', () => ({ getIamport }));

beforeEach(() => {
  getDb.mockReset().mockResolvedValue(processDb);
  getIamport.mockReset().mockReturnValue(processRuntime);
});

const describeDb = defineUseCase(
  async (name: string, { db }: Resolved) => `${name}: ${(db as unknown as { name: string }).name}`,
);
const whichRuntime = defineUseCase(async ({ runtime }: Resolved) => runtime.mode);
const withKnob = defineUseCase(async (count: number, { limit }: Resolved<{ limit?: number }>) =>
  Math.min(count, limit ?? 10),
);

describe('defineUseCase', () => {
  it('uses the database the caller passes', async () => {
    const own = { name: 'test database' } as unknown as Db;
    await expect(describeDb('keys', { db: own })).resolves.toBe('keys: test database');
    expect(getDb).not.toHaveBeenCalled();
  });

  it("takes the process's database when the caller omits the deps", async () => {
    await expect(describeDb('keys')).resolves.toBe('keys: process database');
    expect(getDb).toHaveBeenCalledTimes(1);
  });

  it('builds no Iamport runtime when the body does not read it', async () => {
    await describeDb('keys');
    expect(getIamport).not.toHaveBeenCalled();
  });

  it("takes the process's Iamport runtime when the body reads it, or the caller's", async () => {
    await expect(whichRuntime()).resolves.toBe('sandbox');
    expect(getIamport).toHaveBeenCalledTimes(1);
    await expect(whichRuntime({ runtime: { mode: 'live' } as IamportRuntime })).resolves.toBe('live');
    expect(getIamport).toHaveBeenCalledTimes(1);
  });

  it('reaches for the database before Iamport, and not Iamport when the database is down', async () => {
    getDb.mockRejectedValue(new Error('database down'));
    await expect(whichRuntime()).rejects.toThrow('database down');
    expect(getIamport).not.toHaveBeenCalled();
  });

  it("passes the use case's own knobs through", async () => {
    await expect(withKnob(50, { limit: 3 })).resolves.toBe(3);
    await expect(withKnob(50)).resolves.toBe(10);
  });

  it('refuses a call with more arguments than the body declares (a default value there would misplace the deps)', async () => {
    const defaulted = defineUseCase(
      async (name: string, context: string = 'none', { db }: Resolved) => `${name} ${context} ${String(db)}`,
    );
    const call = defaulted as unknown as (...args: unknown[]) => Promise<string>;
    await expect(call('keys', 'ctx', { db: processDb })).rejects.toThrow('its body declares 1');
    expect(getDb).not.toHaveBeenCalled();
  });
});
