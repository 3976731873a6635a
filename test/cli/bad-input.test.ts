// Bad input: each case gets one clear sentence on stderr and exit 2 (usage/input) or 1 (an invalid flow).

import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('callflow with bad input', () => {
  it('a missing file, a directory and a JSON syntax error are named with exit 2', async () => {
    const [missing, directory, syntax] = await Promise.all([
      runCli(['validate', 'hotline/hotline.json', 'flows/x.json']),
      runCli(['simulate', 'hotline']),
      runCli(['test', 'bad/syntax-error.json']),
    ]);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'callflow: cannot read flows/x.json: no such file\n' });
    expect(directory).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callflow: cannot read hotline: it is a directory, not a file\n',
    });
    expect(syntax).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callflow: bad/syntax-error.json:4:19: expected a value but found "}"\n',
    });
  });

  it('unknown commands and flags, missing values and missing files on the command line are usage errors', async () => {
    const runs = await Promise.all([
      runCli(['frob']),
      runCli(['validate', 'hotline/hotline.json', '--verbose']),
      runCli(['simulate', 'hotline/hotline.json', '--caller']),
      runCli(['compile', 'hotline/hotline.json', '--json']),
      runCli(['simulate']),
      runCli([]),
    ]);
    expect(runs.map((r) => [r.code, r.stdout])).toEqual(Array.from({ length: 6 }, () => [2, '']));
    expect(runs.slice(0, 5).map((r) => r.stderr)).toEqual([
      'callflow: unknown command "frob"; run "callflow --help" for the commands\n',
      'callflow: unknown option --verbose for "callflow validate"; run "callflow validate --help" for the options\n',
      'callflow: option --caller needs a value; run "callflow simulate --help" for the options\n',
      'callflow: unknown option --json for "callflow compile"; run "callflow compile --help" for the options\n',
      'callflow: simulate takes exactly one flow file, e.g. callflow simulate flows/hotline.json --input 1\n',
    ]);
    expect(runs[5].stderr).toMatch(
      /^callflow: no command given\n\ncallflow: validate, simulate, test, compile and diff/,
    );
  });

  it('a malformed --at, non-keypad --input and an unknown --lang are refused with exit 2', async () => {
    const [at, noOffset, input, lang] = await Promise.all([
      runCli(['simulate', 'hotline/hotline.json', '--at', 'tomorrow 10am']),
      runCli(['simulate', 'hotline/hotline.json', '--at', '2026-11-23T10:00:00']),
      runCli(['simulate', 'hotline/hotline.json', '--input', '12a']),
      runCli(['simulate', 'hotline/hotline.json', '--lang', 'fr-FR']),
    ]);
    const atMessage = (value: string) =>
      `callflow: --at "${value}" is not a date and time in ISO 8601 with an offset, e.g. 2026-11-23T10:00:00+08:00 or 2026-11-23T02:00:00Z\n`;
    expect(at).toEqual({ code: 2, stdout: '', stderr: atMessage('tomorrow 10am') });
    expect(noOffset).toEqual({ code: 2, stdout: '', stderr: atMessage('2026-11-23T10:00:00') });
    // Year 0000 is not a calendar year (validate refuses it in a test case's call.at too).
    expect(await runCli(['simulate', 'hotline/hotline.json', '--at', '0000-01-01T10:00:00Z'])).toEqual({
      code: 2,
      stdout: '',
      stderr: atMessage('0000-01-01T10:00:00Z'),
    });
    expect(input).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callflow: --input "12a" is not keypad input: use the keys 0-9, * and #, or "" for silence\n',
    });
    expect(lang).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callflow: --lang fr-FR is not a language of flow "retail-hotline"; use one of: zh-CN, en-US\n',
    });
  });

  it('a mocks file that is not JSON, or names unknown or wrong nodes, is refused with the ids and kinds', async () => {
    const [notJson, unknownNode] = await Promise.all([
      runCli(['simulate', 'hotline/hotline.json', '--mock', 'bad/mocks-not-json.json']),
      runCli(['simulate', 'hotline/hotline.json', '--mock', 'bad/mocks-unknown-node.json']),
    ]);
    expect(notJson).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callflow: bad/mocks-not-json.json:3:35: expected a property name in double quotes but found "}"\n',
    });
    expect(unknownNode).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'callflow: bad/mocks-unknown-node.json has mocks that do not fit the flow:',
        '  mock http "crmLokup" names no node in this flow (there is no node with id "crmLokup")',
        '  mock transfer "menu" names a menu node; transfer mocks are for transfer nodes',
        '',
      ].join('\n'),
    });
  });

  it('a malformed resources file, or one naming a missing subflow file, is refused with exit 2', async () => {
    const [malformed, missingSubflow] = await Promise.all([
      runCli(['validate', 'hotline/hotline.json', '--resources', 'bad/resources-malformed.json']),
      runCli(['compile', 'hotline/hotline.json', '--resources', 'bad/resources-missing-subflow.json']),
    ]);
    expect(malformed).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'callflow: bad/resources-malformed.json is not a valid resources file:',
        '  /skillGroups/sales/name: is required (string)',
        '  /skillGroups/sales: has an unknown field "title"',
        '',
      ].join('\n'),
    });
    expect(missingSubflow).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'callflow: bad/resources-missing-subflow.json names subflow "identify" in subflows/no-such-flow.json, ' +
        'but cannot read bad/subflows/no-such-flow.json: no such file\n',
    });
  });

  it('simulate, test and compile refuse an invalid flow with exit 1 and list all its errors', async () => {
    const commands = ['simulate', 'test', 'compile'];
    // test also gets a valid flow: the invalid one fails the run without stopping the other from being tested.
    const runs = await Promise.all(
      commands.map((command) =>
        runCli([command, 'bad/invalid-flow.json', ...(command === 'test' ? ['hotline/hotline.json'] : [])]),
      ),
    );
    for (const [i, command] of commands.entries()) {
      const run = runs[i]!; // one run per command, in order
      expect(run.code).toBe(1);
      const lines = run.stderr.split('\n');
      expect(lines.slice(0, 2)).toEqual([
        `callflow: ${command} needs a valid flow; fix these errors first:`,
        'bad/invalid-flow.json: invalid (2 errors)',
      ]);
      expect(lines[2]).toContain('[dangling-edge]');
      expect(lines[3]).toContain('[duplicate-port]');
    }
    expect(runs[0]?.stdout).toBe('');
    expect(runs[1]?.stdout).toMatch(
      /^hotline\/hotline\.json \(flow "retail-hotline"\)\n(.*\n)* {2}3 passed, 0 failed\n/,
    );
    expect(runs[2]?.stdout).toBe('');
  });
});
