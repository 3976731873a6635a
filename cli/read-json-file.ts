// Reads a JSON file for the CLI, turning every failure into an InputError that names the file (and line:column).

import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from './errors';
import { findJsonSyntaxProblem, lineColumnAt } from './json-syntax-error';

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

function readFailure(display: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (error as Error).message;
  return new InputError(`cannot read ${display}: ${reason}`);
}

/**
 * Read and parse a JSON file.
 * @param file path as given (relative paths are taken from `baseDir`)
 * @param display what to call the file in messages (defaults to `file` as given)
 */
export function readJsonFile(baseDir: string, file: string, display = file): JsonFile {
  const path = resolve(baseDir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw readFailure(display, error);
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { display, path, value: JSON.parse(text) as unknown };
  } catch {
    const problem = findJsonSyntaxProblem(text) ?? { offset: 0, message: 'Not valid JSON' };
    const { line, column } = lineColumnAt(text, problem.offset);
    throw new InputError(`${display}:${line}:${column}: ${problem.message}`);
  }
}
