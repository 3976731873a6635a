// Server settings: validated once, embedded defaults generated into the data directory with private permissions.

import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../app/_server/env';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'callflow-env-'));

describe('loadEnv', () => {
  it('without DATABASE_URL it generates both keys once into the data directory, mode 600', () => {
    const cwd = freshDir();
    const first = loadEnv({}, cwd);
    expect(first.dataDir).toBe(path.join(cwd, '.data'));
    expect(first.secretKey).toHaveLength(32);
    for (const file of ['secret.key', 'auth-secret.key']) expect(statSync(path.join(cwd, '.data', file)).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(cwd, '.data/secret.key'), 'utf8').trim()).toBe(first.secretKey.toString('base64'));
    const second = loadEnv({}, cwd);
    expect(second.secretKey.equals(first.secretKey)).toBe(true);
    expect(second.betterAuthSecret).toBe(first.betterAuthSecret);
  });

  it('defaults to port 3000 with both loopback origins trusted', () => {
    const env = loadEnv({}, freshDir());
    expect(env.port).toBe(3000);
    expect(env.baseUrl).toBe('http://127.0.0.1:3000');
    expect(env.trustedOrigins).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000']);
  });

  it('BASE_URL sets the one trusted origin', () => {
    const env = loadEnv({ BASE_URL: 'https://studio.example.com/', PORT: '8080' }, freshDir());
    expect(env.baseUrl).toBe('https://studio.example.com');
    expect(env.trustedOrigins).toEqual(['https://studio.example.com']);
  });

  it('with DATABASE_URL both secrets must be given', () => {
    expect(() => loadEnv({ DATABASE_URL: 'postgres://db/callflow' }, freshDir())).toThrow(
      new EnvError('CALLFLOW_SECRET_KEY and BETTER_AUTH_SECRET must be set when DATABASE_URL is set.'),
    );
  });

  it('names every invalid setting', () => {
    expect(() => loadEnv({ PORT: 'eighty', CALLFLOW_SECRET_KEY: 'c2hvcnQ=' }, freshDir())).toThrow(/CALLFLOW_SECRET_KEY: must be 32 bytes encoded as base64[\s\S]*PORT:/);
  });
});
