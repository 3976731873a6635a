// What the generated schema validator (flow-schema-validate.generated.ts) needs at run time, in place of ajv's
// `require()`s: string length in code points (JSON Schema counts characters, not UTF-16 units) and the date-time format.

import { fullFormats } from 'ajv-formats/dist/formats';

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

/** ajv-formats' full `date-time` check (RFC 3339, a real calendar date and time). */
export const dateTimeFormat = fullFormats['date-time'];
