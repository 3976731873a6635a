// Reads a JSON file given to a command (CLI, template resources) through the shared reader, turning every refusal into one InputError line naming the file.

import { isAbsolute, relative, resolve } from 'node:path';
import { JsonTextError } from '../json/json-text-error';
import { InputError } from './input-error';
import { FileReadError, readJsonFileSync } from './read-json-file';

export interface JsonFile {
  /** The path as the user should see it: as typed, or relative to the working directory. */
  display: string;
  /** Absolute path. */
  path: string;
  value: unknown;
}

/** How to show a path in messages: relative to cwd when it lies below it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Read and parse a JSON file (a regular UTF-8 file under the size and depth limits).
 * @param file path as given (relative paths are taken from `baseDir`)
 * @param display what to call the file in messages (defaults to `file` as given)
 * @throws InputError `cannot read FILE: REASON` or `FILE:LINE:COLUMN: REASON`
 */
export function readJsonFile(baseDir: string, file: string, display = file): JsonFile {
  const path = resolve(baseDir, file);
  try {
    return { display, path, value: readJsonFileSync(path) };
  } catch (error) {
    if (error instanceof FileReadError) throw new InputError(`cannot read ${display}: ${error.reason}`);
    if (error instanceof JsonTextError) {
      const where = error.position ? `:${error.position.line}:${error.position.column}` : '';
      throw new InputError(`${display}${where}: ${error.reason}`);
    }
    throw error;
  }
}
