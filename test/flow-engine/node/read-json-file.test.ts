// readJsonFileSync / readRegularFileSync: regular files only, a size cap checked before reading, the shared JSON reader.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonTextError } from '../../../flow-engine/json';
import { FileReadError, maxJsonFileBytes, readJsonFileSync, readRegularFileSync } from '../../../flow-engine/node';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'callflow-read-json-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function failure(read: () => unknown): Error {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error('read without an error');
}

describe('readJsonFileSync', () => {
  it('reads and parses a UTF-8 file, byte-order mark and Chinese included', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, '\uFEFF{"name": "客服热线"}');
    expect(readJsonFileSync(file)).toEqual({ name: '客服热线' });
  });

  it('a file over the cap is refused from its size, before a byte is read (a sparse 17 MiB file here)', () => {
    const file = join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 17 * 1024 * 1024);
    const error = failure(() => readJsonFileSync(file));
    expect(error).toBeInstanceOf(FileReadError);
    expect(error.message).toBe('it is 17.0 MiB, over the 16.0 MiB limit');
    expect(maxJsonFileBytes).toBe(16 * 1024 * 1024);
    expect(failure(() => readRegularFileSync(join(dir, 'ok.json'), 10)).message).toBe(
      'it is 27 bytes, over the 10 bytes limit',
    );
  });

  it('devices, FIFOs, directories and missing files are refused with what they are', () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(failure(() => readJsonFileSync('/dev/zero')).message).toBe('it is a character device, not a regular file');
    expect(failure(() => readJsonFileSync(fifo)).message).toBe('it is a FIFO (named pipe), not a regular file');
    expect(failure(() => readJsonFileSync(dir)).message).toBe('it is a directory, not a file');
    expect(failure(() => readJsonFileSync(join(dir, 'nope.json'))).message).toBe('no such file');
    expect(failure(() => readJsonFileSync(join(dir, 'ok.json', 'x'))).message).toBe(
      'a part of the path is not a directory',
    );
  });

  it('text problems come from the shared JSON reader, with their line and column', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n  "a": 1,\n}');
    const error = failure(() => readJsonFileSync(file));
    expect(error).toBeInstanceOf(JsonTextError);
    expect((error as JsonTextError).position).toEqual({ line: 3, column: 1 });
  });
});
