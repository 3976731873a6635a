// `callflow --help`, `help COMMAND`, `COMMAND --help` and `--version`.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('callflow help and version', () => {
  it('--help lists the commands and documents the exit codes; --version prints the package version', async () => {
    const [help, helpWord, versionRun] = await Promise.all([
      runCli(['--help']),
      runCli(['help']),
      runCli(['--version']),
    ]);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    for (const command of ['validate FILE...', 'simulate FILE', 'test FILE...', 'compile FILE', 'diff A.json B.json']) {
      expect(help.stdout).toContain(`\n  ${command}`);
    }
    expect(help.stdout).toContain('\n  1  a flow is invalid or a test case failed');
    expect(help.stdout).toContain('\n  2  the command line or an input file is wrong');
    expect(help.stdout).toContain('\n  3  an unexpected internal error (a bug): one line with an error id');
    expect(help.stdout).toContain('\n  --debug            with any command: print the stack of an unexpected error');
    expect(helpWord.stdout).toBe(help.stdout);
    expect(versionRun).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('each command explains its own flags, through "help COMMAND" and "COMMAND --help" alike', async () => {
    const [byWord, byFlag, testHelp, unknown] = await Promise.all([
      runCli(['help', 'simulate']),
      runCli(['simulate', '-h']),
      runCli(['test', '--help']),
      runCli(['help', 'deploy']),
    ]);
    expect(byWord.code).toBe(0);
    expect(byWord.stdout).toMatch(/^Usage: callflow simulate FILE /);
    for (const flag of [
      '--caller N',
      '--dialed N',
      '--at ISO8601',
      '--lang L',
      '--input DIGITS',
      '--say TEXT',
      '--hangup',
      '--mock FILE',
      '--json',
    ]) {
      expect(byWord.stdout).toContain(`\n  ${flag}`);
    }
    expect(byFlag).toEqual(byWord);
    expect(testHelp.stdout).toMatch(/^Usage: callflow test FILE\.\.\. \[--resources FILE\] \[--json\]\n/);
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'callflow: there is no command "deploy"; the commands are validate, simulate, test, compile, diff, dial, runtime, admin\n',
    });
  });
});
