// drachtio-modesl's Event keeps headers in a list of {name, value} and finds each by a linear scan, so building an
// event of n headers costs n² comparisons (FreeSWITCH's full events carry 150–250) and every getHeader another scan.
// Events built here keep the parsed record itself: getHeader is a lookup, and the list the library's other methods
// read is made only if one of them asks for it.

import esl from 'drachtio-modesl';
import type { Event } from 'drachtio-modesl';

interface Header {
  name: string;
  value: string | number;
}

/** The library's Event fields and methods these events stand in for. */
type LibraryEvent = Event & {
  hPtr: number | null;
  subclass: string | undefined;
  addHeader(name: string, value: string | number): string | number;
  delHeader(name: string): Header[] | null;
};

export type RecordEvent = LibraryEvent & {
  /** The headers by name (decoded; never `_body`): the event's own data, not a copy. */
  readonly fields: Record<string, string | number>;
  /** The library's list, made on first use and kept in step with `fields` from then on. */
  list: Header[] | undefined;
  /** Every value is text, as parsed from a header block (Content-Length excepted, which the library makes a number). */
  readonly textOnly: boolean;
};

const own = (record: object, name: string) => Object.prototype.hasOwnProperty.call(record, name);

const recordEventPrototype = Object.create(esl.Event.prototype, {
  headers: {
    get(this: RecordEvent) {
      return (this.list ??= Object.entries(this.fields).map(([name, value]) => ({ name, value })));
    },
    set(this: RecordEvent, list: Header[]) {
      this.list = list;
    },
  },
}) as ThisType<RecordEvent> & object;
Object.assign(recordEventPrototype, {
  getHeader(this: RecordEvent, name: string) {
    return own(this.fields, name) ? this.fields[name] : null;
  },
  addHeader(this: RecordEvent, name: string, value: string | number) {
    const known = own(this.fields, name);
    this.fields[name] = value;
    if (this.list) {
      const header = known ? this.list.find((h) => h.name === name) : undefined;
      if (header) header.value = value;
      else this.list.push({ name, value });
    }
    return value;
  },
  delHeader(this: RecordEvent, name: string) {
    if (!own(this.fields, name)) return null;
    const list = this.headers as Header[];
    delete this.fields[name];
    return list.splice(
      list.findIndex((h) => h.name === name),
      1,
    );
  },
});

/**
 * The event `new Event(fields, body)` would build — the same headers in the same order, `_body` as the body unless
 * one is given — without copying: `fields` becomes the event's record (its `_body` is removed from it).
 */
export function recordEvent(fields: Record<string, string | number>, textOnly: boolean, body?: string): RecordEvent {
  const event = Object.create(recordEventPrototype) as RecordEvent & {
    fields: Record<string, string | number>;
    textOnly: boolean;
  };
  event.textOnly = textOnly;
  const carried = fields._body as string | undefined;
  if (own(fields, '_body')) delete fields._body;
  event.fields = fields;
  event.list = undefined;
  event.hPtr = null;
  event.type = fields['Event-Name'] as string;
  event.subclass = fields['Event-Subclass'] as string | undefined;
  event.body = body || carried || '';
  return event;
}

/** The record of an event built by `recordEvent` whose values are all text, or undefined for any other event. */
export function textFieldsOf(event: Event): Record<string, string> | undefined {
  if (Object.getPrototypeOf(event) !== recordEventPrototype) return undefined;
  const { fields, textOnly } = event as RecordEvent;
  return textOnly && typeof fields['Content-Length'] !== 'number' ? (fields as Record<string, string>) : undefined;
}
