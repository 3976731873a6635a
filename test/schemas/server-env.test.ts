// Server settings: validated once, embedded defaults generated into the data directory with private permissions.

import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../schemas/server-env';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'callflow-env-'));

describe('loadEnv', () => {
  it('without DATABASE_URL it generates both keys once into the data directory, mode 600', () => {
    const cwd = freshDir();
    const first = loadEnv({}, cwd);
    expect(first.dataDir).toBe(path.join(cwd, '.data'));
    expect(first.secretKey).toHaveLength(32);
    for (const file of ['secret.key', 'auth-secret.key'])
      expect(statSync(path.join(cwd, '.data', file)).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(cwd, '.data/secret.key'), 'utf8').trim()).toBe(first.secretKey.toString('base64'));
    const second = loadEnv({}, cwd);
    expect(second.secretKey).toEqual(first.secretKey);
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

  it('listens on 127.0.0.1 and trusts no proxy unless HOST and TRUST_PROXY say otherwise', () => {
    const defaults = loadEnv({}, freshDir());
    expect([defaults.host, defaults.trustProxy]).toEqual(['127.0.0.1', undefined]);
    const set = loadEnv({ HOST: '0.0.0.0', TRUST_PROXY: 'loopback, 10.0.0.0/8' }, freshDir());
    expect([set.host, set.trustProxy]).toEqual(['0.0.0.0', 'loopback, 10.0.0.0/8']);
  });

  it('refuses a TRUST_PROXY entry that is not an address, a range or a known name', () => {
    expect(() => loadEnv({ TRUST_PROXY: 'my-proxy' }, freshDir())).toThrow(
      /TRUST_PROXY: must be a comma-separated list of proxy addresses or ranges/,
    );
    expect(() => loadEnv({ HOST: 'bad host!' }, freshDir())).toThrow(
      /HOST: must be an address or host name to listen on/,
    );
  });

  it('CALLFLOW_ASR_ENGINE is read as the runtime reads it: unset by default, a module name when set, anything else refused', () => {
    expect(loadEnv({}, freshDir()).asrEngine).toBeUndefined();
    expect(loadEnv({ CALLFLOW_ASR_ENGINE: 'unimrcp' }, freshDir()).asrEngine).toBe('unimrcp');
    expect(() => loadEnv({ CALLFLOW_ASR_ENGINE: 'uni mrcp' }, freshDir())).toThrow(
      /CALLFLOW_ASR_ENGINE: must be a FreeSWITCH ASR module name such as unimrcp/,
    );
  });

  it('with DATABASE_URL both secrets must be given', () => {
    expect(() => loadEnv({ DATABASE_URL: 'postgres://db/callflow' }, freshDir())).toThrow(
      new EnvError('CALLFLOW_SECRET_KEY and BETTER_AUTH_SECRET must be set when DATABASE_URL is set.'),
    );
  });

  it('names every invalid setting', () => {
    expect(() => loadEnv({ PORT: 'eighty', CALLFLOW_SECRET_KEY: 'c2hvcnQ=' }, freshDir())).toThrow(
      /CALLFLOW_SECRET_KEY: must be 32 bytes encoded as base64[\s\S]*PORT:/,
    );
  });
});
