// What the generated schema validator (generated/flow-schema-validate.generated.ts) needs at run time, in place of ajv's
// `require()`s: string length in code points (JSON Schema counts characters, not UTF-16 units) and the date-time format.

import { fullFormats } from 'ajv-formats/dist/formats';
import { isCalendarDate } from '../schedule/calendar-date';

/** Length of `text` in Unicode code points: a surrogate pair counts once (as ajv's runtime ucs2length). */
export function ucs2length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    length++;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) i++;
    }
  }
  return length;
}

// ajv-formats types every format as `Format` (a definition or a regex string); date-time is a definition.
const rfc3339 = fullFormats['date-time'] as {
  validate: (text: string) => boolean;
  compare: (a: string, b: string) => number | undefined;
};

/**
 * ajv-formats' full `date-time` check (RFC 3339, a real calendar date and time), narrowed to instants a call can
 * start at: RFC 3339 also allows year 0000 and the leap second :60, which the calendar check and the simulator's
 * Date.parse refuse, so a test case that validates always runs.
 */
export const dateTimeFormat = {
  validate: (text: string): boolean =>
    rfc3339.validate(text) && isCalendarDate(text.slice(0, 10)) && Number.isFinite(Date.parse(text)),
  compare: rfc3339.compare,
};
