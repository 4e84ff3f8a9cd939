import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('PGLITE_SHARED_BUFFERS', () => {
  it('defaults to 64MB and takes sizes PostgreSQL accepts', () => {
    expect(parseEnv({}).PGLITE_SHARED_BUFFERS).toBe('64MB');
    for (const size of ['128kB', '16MB', '256MB', '1GB'])
      expect(parseEnv({ PGLITE_SHARED_BUFFERS: size }).PGLITE_SHARED_BUFFERS).toBe(size);
  });

  it('refuses what PGlite would fail on at start-up, naming the variable', () => {
    for (const size of ['0MB', '64kB', '2GB', '64', '64 MB', '64mb']) {
      expect(() => parseEnv({ PGLITE_SHARED_BUFFERS: size })).toThrow(EnvError);
      expect(() => parseEnv({ PGLITE_SHARED_BUFFERS: size })).toThrow(/PGLITE_SHARED_BUFFERS/);
    }
  });
});
