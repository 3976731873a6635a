// Events built over the parser's header record behave exactly like drachtio-modesl's own Event built from the same
// headers: the same list in the same order, lookups, changes and serialisation.

import esl from 'drachtio-modesl';
import type { Event } from 'drachtio-modesl';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { recordEvent, textFieldsOf } from '../../../runtime/esl/record-event';

type Mutable = Event & {
  addHeader(name: string, value: string): string;
  delHeader(name: string): unknown;
  firstHeader(): string;
  nextHeader(): string | null;
};

const names = [
  'Event-Name',
  'Unique-ID',
  'Application-UUID',
  'variable_read_result',
  'Reply-Text',
  'Content-Length',
  'Event-Subclass',
  '_body',
  'a b',
  'x',
];
const headerRecord = fc.dictionary(fc.constantFrom(...names), fc.string({ maxLength: 12 }), { maxKeys: 10 });
const change = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    name: fc.constantFrom(...names.filter((n) => n !== '_body'), 'New-Header'),
    value: fc.string({ maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('del' as const), name: fc.constantFrom(...names, 'Missing') }),
);

/** Everything a reader of the event can see. */
function view(event: Event) {
  const e = event as Mutable;
  const walked: string[] = [];
  if (e.headers.length > 0)
    for (let name: string | null = e.firstHeader(); name !== null; name = e.nextHeader()) walked.push(name);
  return {
    headers: e.headers.map(({ name, value }) => ({ name, value })),
    lookups: [...names, 'Missing'].map((name) => e.getHeader(name)),
    type: e.type,
    body: e.getBody(),
    walked,
    plain: e.serialize('plain'),
    json: e.serialize('json'),
  };
}

describe('events over the parsed header record', () => {
  test('match the library Event built from the same headers, before and after any changes', () => {
    fc.assert(
      fc.property(
        headerRecord,
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        fc.boolean(),
        fc.array(change, { maxLength: 6 }),
        (record, body, listFirst, changes) => {
          const theirs = new esl.Event({ ...record }, body) as Mutable;
          const ours = recordEvent(
            Object.assign(Object.create(null) as Record<string, string>, record),
            true,
            body,
          ) as unknown as Mutable;
          // The list is made lazily: reading it before or after the changes must not matter.
          if (listFirst) void ours.headers.length;
          for (const c of changes) {
            if (c.kind === 'add') expect(ours.addHeader(c.name, c.value)).toEqual(theirs.addHeader(c.name, c.value));
            else expect(ours.delHeader(c.name)).toEqual(theirs.delHeader(c.name));
          }
          expect(view(ours)).toEqual(view(theirs));
        },
      ),
      { numRuns: 400 },
    );
  });

  test('give their record as the frame headers only while every value is text', () => {
    const fields = Object.assign(Object.create(null) as Record<string, string | number>, {
      'Event-Name': 'DTMF',
      'DTMF-Digit': '5',
    });
    expect(textFieldsOf(recordEvent(fields, true))).toBe(fields);
    expect(textFieldsOf(recordEvent({ 'Event-Name': 'X' }, false))).toBeUndefined();
    expect(textFieldsOf(recordEvent({ 'Event-Name': 'X', 'Content-Length': 4, _body: 'body' }, true))).toBeUndefined();
    expect(textFieldsOf(new esl.Event({ 'Event-Name': 'X' }))).toBeUndefined();
  });
});
