// JSON pointer (RFC 6901) building: one escaped segment at a time, so diff paths match validation paths.

/** Escape one reference token: `~` → `~0`, `/` → `~1`. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Append a token to a pointer.
 * @example
 * appendPointer('/config/options', 1); // '/config/options/1'
 * appendPointer('', 'a/b');           // '/a~1b'
 */
export function appendPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${escapePointerSegment(segment)}`;
}
