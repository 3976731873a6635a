// Hostile input files get one clear line and exit 2 from every command: deep nesting, devices, FIFOs, other encodings.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'callflow-bad-input-'));
  writeFileSync(join(dir, 'deep.json'), `{\n  "nodes": ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}\n`);
  writeFileSync(
    join(dir, 'deep-mocks.json'),
    `{"http": {"crmLookup": {"status": 200, "body": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}}}`,
  );
  writeFileSync(
    join(dir, 'latin1.json'),
    Buffer.concat([Buffer.from('{\n  "name": "Caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]),
  );
  writeFileSync(join(dir, 'utf16.json'), Buffer.from('\uFEFF{"name": "x"}', 'utf16le'));
  writeFileSync(join(dir, 'utf16-no-bom.json'), Buffer.from('{"name": "x"}', 'utf16le'));
  execFileSync('mkfifo', [join(dir, 'fifo.json')]);
  writeFileSync(join(dir, 'huge.json'), '');
  truncateSync(join(dir, 'huge.json'), 17 * 1024 * 1024); // sparse: costs no disk
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deepLine = (file: string) => `callflow: ${file}:2:111: the data is nested more than 100 levels deep\n`;

describe('callflow with hostile input files', () => {
  it('JSON nested 10,000 deep is one line with line:column and exit 2 for validate, simulate, compile, test and diff', async () => {
    const deep = join(dir, 'deep.json');
    const runs = await Promise.all([
      runCli(['validate', deep]),
      runCli(['simulate', deep, '--input', '1']),
      runCli(['compile', deep]),
      runCli(['test', deep]),
      runCli(['diff', deep, deep]),
    ]);
    for (const run of runs) expect(run).toEqual({ code: 2, stdout: '', stderr: deepLine(deep) });
  });

  it('a --mock file with a 10,000-deep body is refused the same way, before any simulation', async () => {
    const mocks = join(dir, 'deep-mocks.json');
    const run = await runCli(['simulate', 'hotline/hotline.json', '--input', '1', '--mock', mocks]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `callflow: ${mocks}:1:533: the data is nested more than 100 levels deep\n`,
    });
  });

  it('/dev/zero, a FIFO, a directory and a 17 MiB file are refused unread, naming what they are', async () => {
    const fifo = join(dir, 'fifo.json');
    const huge = join(dir, 'huge.json');
    const [zero, pipe, directory, big] = await Promise.all([
      runCli(['validate', '/dev/zero']),
      runCli(['validate', fifo]),
      runCli(['test', dir]),
      runCli(['compile', huge]),
    ]);
    expect(big).toEqual({
      code: 2,
      stdout: '',
      stderr: `callflow: cannot read ${huge}: it is 17.0 MiB, over the 16.0 MiB limit\n`,
    });
    expect(zero).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callflow: cannot read /dev/zero: it is a character device, not a regular file\n',
    });
    expect(pipe).toEqual({
      code: 2,
      stdout: '',
      stderr: `callflow: cannot read ${fifo}: it is a FIFO (named pipe), not a regular file\n`,
    });
    expect(directory).toEqual({
      code: 2,
      stdout: '',
      stderr: `callflow: cannot read ${dir}: it is a directory, not a file\n`,
    });
  });

  it('Latin-1 and UTF-16 (with or without a byte-order mark) are refused naming the encoding', async () => {
    const [latin1, utf16, noBom] = await Promise.all([
      runCli(['validate', join(dir, 'latin1.json')]),
      runCli(['validate', join(dir, 'utf16.json')]),
      runCli(['simulate', join(dir, 'utf16-no-bom.json')]),
    ]);
    expect(latin1).toEqual({
      code: 2,
      stdout: '',
      stderr: `callflow: ${join(dir, 'latin1.json')}:2:15: the file is not UTF-8: it looks like Latin-1 (ISO-8859-1) or Windows-1252 (the byte 0xE9 is not valid UTF-8); save it as UTF-8 (JSON files must be UTF-8)\n`,
    });
    expect(utf16).toEqual({
      code: 2,
      stdout: '',
      stderr: `callflow: ${join(dir, 'utf16.json')}: the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8; save it as UTF-8 (JSON files must be UTF-8)\n`,
    });
    expect(noBom.stderr).toBe(
      `callflow: ${join(dir, 'utf16-no-bom.json')}: the file is UTF-16 (little-endian), not UTF-8; save it as UTF-8 (JSON files must be UTF-8)\n`,
    );
  });

  it('a mocks file with a status and a timeout, and a queue answered after its max wait, is refused with exit 2', async () => {
    const run = await runCli([
      'simulate',
      'hotline/hotline.json',
      '--input',
      '1',
      '--mock',
      'bad/mocks-contradictory.json',
    ]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'callflow: bad/mocks-contradictory.json has mocks that do not fit the flow:',
        '  the http mock "crmLookup" sets both "status" and "timeout"; a request ends one way only: keep one',
        '  the queue mock "vip" is answered after 900 s, but queue node "vipQueue" leaves by overflow after 600 s (maxWaitSeconds); answer within 600 s or use the outcome "overflow"',
        '',
      ].join('\n'),
    });
  });
});
