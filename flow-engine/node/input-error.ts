// InputError: a file given to a command (flow JSON, mocks, resources) cannot be used; its message names the file and why.

/** A file that cannot be read or is not what it should be (JSON syntax, mocks, resources). The CLI exits with 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
