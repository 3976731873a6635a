// The internal-error log line: names, codes, SQL text and stack frames only, whatever the error class — a failed
// Drizzle query is recognised by its shape (Next's build loads its own copy of drizzle-orm, so `instanceof` fails), and
// no message is printed, since messages quote parameters and input.

import { describe, expect, it } from 'vitest';
import { internalErrorLogLine } from '../../app/_server/internal-error';

/** Built the way drizzle-orm's DrizzleQueryError is, but not that class: as another copy of the module would make it. */
class CopiedDrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    cause?: Error,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`, { cause });
  }
}

describe('internal error log line', () => {
  it('a Drizzle query error from another module copy is logged by name, code and SQL, without its parameters', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      name: 'error',
      code: '22021',
    });
    const failed = new CopiedDrizzleQueryError(
      'select "id" from "users" where "email" = $1',
      ['planted-c0ffee@example.com'],
      cause,
    );
    const line = internalErrorLogLine('abc123', 'users.list', failed);
    expect(line.split('\n')[0]).toBe(
      '[api] error abc123 in users.list: DrizzleQueryError query: select "id" from "users" where "email" = $1 ← error (22021)',
    );
    expect(line).not.toContain('planted-c0ffee');
    expect(line).not.toContain('params');
    expect(line).not.toContain('invalid byte sequence');
  });

  it("no error's message is logged, whatever its class: only its name and the stack frames", () => {
    const line = internalErrorLogLine(
      'abc123',
      'flows.import',
      new SyntaxError('Unexpected token in JSON at "planted-5eed"'),
    );
    expect(line).toMatch(/^\[api\] error abc123 in flows\.import: SyntaxError\n\s+at /);
    expect(line).not.toContain('planted-5eed');
  });

  it('a message with lines that look like stack frames does not slip into the frames', () => {
    const line = internalErrorLogLine(
      'abc123',
      'flows.create',
      new TypeError('bad value\n    at planted-f4a3 (secret:1:1)'),
    );
    expect(line).not.toContain('planted-f4a3');
    expect(line).toMatch(/^\[api\] error abc123 in flows\.create: TypeError\n\s+at /);
  });

  it('an error marked logsMessage (it speaks only of the installation, e.g. a broken template file) has its message logged', () => {
    const broken = Object.assign(new Error('templates/resources/resources.json is not a valid resources file'), {
      name: 'TemplateResourcesFileError',
      logsMessage: true,
    });
    const line = internalErrorLogLine('abc123', 'flows.create', new Error('wrapper', { cause: broken }));
    expect(line.split('\n')[0]).toBe(
      '[api] error abc123 in flows.create: Error ← TemplateResourcesFileError: templates/resources/resources.json is not a valid resources file',
    );
  });
});
