// readJsonFileSync(): reads one regular file (size-capped, UTF-8 only) and parses it with the shared JSON reader.

import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { decodeJsonBytes } from '../json/decode-json-bytes';
import { defaultJsonLimits, parseJsonText, type JsonLimits } from '../json/parse-json-text';

/** Files larger than this are refused before reading: flows, resources and mocks are far smaller. */
export const maxJsonFileBytes = 16 * 1024 * 1024;

/** A file that could not be read as a file: missing, not a regular file, too large, not permitted. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';

  /** @param reason why, without the file name, e.g. `no such file`, `it is a FIFO (named pipe), not a regular file` */
  constructor(readonly reason: string) {
    super(reason);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function checkRegular(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) {
    const kind = kindOf(stats);
    throw new FileReadError(
      kind === 'a directory' ? 'it is a directory, not a file' : `it is ${kind}, not a regular file`,
    );
  }
  if (stats.size > maxBytes)
    throw new FileReadError(`it is ${describeBytes(stats.size)}, over the ${describeBytes(maxBytes)} limit`);
}

function systemFailure(error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new FileReadError('no such file');
  if (code === 'ENOTDIR') return new FileReadError('a part of the path is not a directory');
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError('permission denied');
  if (code === 'ELOOP') return new FileReadError('too many symbolic links');
  return new FileReadError((error as Error).message);
}

/**
 * The bytes of a regular file of at most `maxBytes`. Devices, FIFOs, sockets and directories are refused unread.
 * @throws FileReadError saying why, e.g. `it is 17.0 MiB, over the 16.0 MiB limit`
 * @example
 * readRegularFileSync('flows/hotline.json'); // Uint8Array of the file
 */
export function readRegularFileSync(path: string, maxBytes = maxJsonFileBytes): Uint8Array {
  let fd: number;
  try {
    checkRegular(statSync(path), maxBytes);
    // O_NONBLOCK: should the path be swapped for a FIFO after the check, opening it must not hang.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw error instanceof FileReadError ? error : systemFailure(error);
  }
  try {
    checkRegular(fstatSync(fd), maxBytes);
    // Read one byte past the cap, so a file that grew since fstat is still refused rather than cut short.
    const buffer = new Uint8Array(Math.min(fstatSync(fd).size, maxBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes)
      throw new FileReadError(`it grew over the ${describeBytes(maxBytes)} limit while being read`);
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof FileReadError ? error : systemFailure(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Read and parse a JSON file: a regular file, at most `maxBytes`, UTF-8, within the JSON depth limit.
 * @throws FileReadError when the file cannot be read as a file; JsonTextError when its text is not
 *   acceptable JSON (encoding, depth, syntax — with line and column).
 * @example
 * readJsonFileSync('flows/hotline.json');       // the parsed document
 * readJsonFileSync('/dev/zero');                // throws FileReadError: it is a character device, not a regular file
 */
export function readJsonFileSync(
  path: string,
  options: { maxBytes?: number; limits?: Partial<JsonLimits> } = {},
): unknown {
  const bytes = readRegularFileSync(path, options.maxBytes ?? maxJsonFileBytes);
  return parseJsonText(decodeJsonBytes(bytes), {
    ...defaultJsonLimits,
    maxLength: Number.MAX_SAFE_INTEGER,
    ...options.limits,
  });
}
