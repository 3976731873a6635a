// `callflow diff A.json B.json [--json]`: the caller-experience review of two flow files, and its usage errors.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCallerExperience } from '../../flow-engine/diff';
import { fixturesDir, runCli } from './run-cli';

const readFlow = (file: string) => JSON.parse(readFileSync(join(fixturesDir, file), 'utf8'));

describe('callflow diff', () => {
  it('prints what a caller would notice: a key leading elsewhere, a prompt, a skill group and a URL, exit 0', async () => {
    const run = await runCli(['diff', 'hotline/hotline.json', 'diff/hotline-v2.json']);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Changes a caller would notice (6), in nodes: menu, crmLookup, vipQueue, salesQueue, identify',
        'Keys and ports',
        '  menu key 2 (Account): leads to salesQueue instead of identify',
        'Key paths',
        '  salesQueue (queue): reached by menu 2 (was menu 1)',
        '  identify (subflow): can no longer be reached (was menu 2)',
        'Prompts',
        '  menu prompt [en-US]: "For orders press 1, for your account press 2." → "For your orders press 1. To talk to sales press 2."',
        'Routing',
        '  vipQueue skill group: "vip" → "vip-sales"',
        'Integrations',
        '  crmLookup URL: "/customers/{{call.caller}}" → "/v2/customers/{{call.caller}}"',
        '',
      ].join('\n'),
    });
  });

  it('--json prints the same review object that diffCallerExperience returns; the same file twice is no change', async () => {
    const [json, same] = await Promise.all([
      runCli(['diff', '--json', 'hotline/hotline.json', 'diff/hotline-v2.json']),
      runCli(['diff', 'hotline/hotline.json', 'hotline/hotline.json']),
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(
      diffCallerExperience(readFlow('hotline/hotline.json'), readFlow('diff/hotline-v2.json')),
    );
    expect(JSON.parse(json.stdout).highlight.after).toEqual([
      'menu',
      'crmLookup',
      'vipQueue',
      'salesQueue',
      'identify',
    ]);
    expect(same).toEqual({ code: 0, stdout: 'No change a caller would notice.\n', stderr: '' });
  });

  it('one file, a missing file and a file that is not a flow are refused with exit 2 and one line', async () => {
    const [one, missing, notFlow, help] = await Promise.all([
      runCli(['diff', 'hotline/hotline.json']),
      runCli(['diff', 'hotline/hotline.json', 'nope.json']),
      runCli(['diff', 'hotline/hotline.json', 'hotline/mocks/vip-caller.json']),
      runCli(['diff', '--help']),
    ]);
    expect(one).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'callflow: diff takes two flow files, the older first, e.g. callflow diff old/hotline.json flows/hotline.json\n',
    });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'callflow: cannot read nope.json: no such file\n' });
    expect(notFlow).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'callflow: hotline/mocks/vip-caller.json is not a flow document: expected an object with "nodes" and "edges" lists\n',
    });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: callflow diff BEFORE\.json AFTER\.json \[--json\] \[--lang en\|zh-CN\]\n/);
  });
});
