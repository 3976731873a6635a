// `callflow validate`: exit codes, human issue listing with node id / path / message, the --json shape, resources.

import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('callflow validate', () => {
  it('a valid flow and a valid subflow pass with exit 0 and one line each', async () => {
    const run = await runCli(['validate', 'hotline/hotline.json', 'hotline/subflows/identify.json']);
    expect(run).toEqual({
      code: 0,
      stdout: 'hotline/hotline.json: valid\nhotline/subflows/identify.json: valid\n',
      stderr: '',
    });
  });

  it('an invalid flow exits 1 and lists every error with node id, edge id, path and rule', async () => {
    const run = await runCli(['validate', 'hotline/hotline.json', 'bad/invalid-flow.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      'hotline/hotline.json: valid',
      'bad/invalid-flow.json: invalid (2 errors)',
      '  error: node "menu", edge "e-sales" (/edges/1/target): Edge "e-sales" leads to node "salesDesk", which does not exist. [dangling-edge]',
      expect.stringMatching(
        /^ {2}error: node "menu" \(\/nodes\/1\/config\/options\/1\/key\): .*"1".* \[duplicate-port\]$/,
      ),
      '',
    ]);
  });

  it('--json prints one entry per file with valid, errors and warnings', async () => {
    const run = await runCli(['validate', 'bad/invalid-flow.json', 'hotline/hotline.json', '--json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as {
      file: string;
      valid: boolean;
      errors: Record<string, unknown>[];
      warnings: unknown[];
    }[];
    expect(results.map((r) => [r.file, r.valid, r.errors.length])).toEqual([
      ['bad/invalid-flow.json', false, 2],
      ['hotline/hotline.json', true, 0],
    ]);
    expect(results[0]?.errors[0]).toMatchObject({
      rule: 'dangling-edge',
      severity: 'error',
      path: '/edges/1/target',
      nodeId: 'menu',
      edgeId: 'e-sales',
    });
    expect(results[0]?.errors[1]).toMatchObject({
      rule: 'duplicate-port',
      path: '/nodes/1/config/options/1/key',
      nodeId: 'menu',
    });
  });

  it('--resources wins over <flow dir>/resources/resources.json, so an empty file leaves every key unresolved', async () => {
    const run = await runCli(['validate', 'hotline/hotline.json', '--resources', 'resources-empty.json', '--json']);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout) as { errors: { rule: string; nodeId: string }[] }[];
    expect(result?.errors.map((e) => [e.rule, e.nodeId])).toEqual([
      ['unknown-resource', 'hours'],
      ['unknown-resource', 'crmLookup'],
      ['unknown-resource', 'vipQueue'],
      ['unknown-resource', 'salesQueue'],
      ['unknown-resource', 'identify'],
    ]);
  });
});
