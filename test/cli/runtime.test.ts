// `callflow runtime` validates its settings before opening anything: one line per bad value, exit 1.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const launcher = fileURLToPath(new URL('../../bin/callflow.js', import.meta.url));

describe('callflow runtime', () => {
  test('bad settings stop it at once with a clear message for each', async () => {
    const env = {
      ...process.env,
      CALLFLOW_RUNTIME_LISTEN: 'nowhere',
      CALLFLOW_ESL_PASSWORD: 'ClueCon',
      CALLFLOW_TTS_VOICES: 'en-US=flite',
      CALLFLOW_DRAIN_SECONDS: '-3',
    };
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [launcher, 'runtime'], { env, timeout: 60_000 }, (error, _stdout, stderr) =>
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The runtime settings are invalid:');
    expect(run.stderr).toContain('CALLFLOW_RUNTIME_LISTEN must be host:port, e.g. 127.0.0.1:8084 (got "nowhere")');
    expect(run.stderr).toContain("CALLFLOW_ESL_PASSWORD: must not be FreeSWITCH's default password ClueCon");
    expect(run.stderr).toContain('"en-US=flite" is not LANGUAGE=ENGINE:VOICE, e.g. en-US=flite:kal');
    expect(run.stderr).toContain('CALLFLOW_DRAIN_SECONDS:');
  });
});
