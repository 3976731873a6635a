// JSON pointer helpers (RFC 6901) for issue paths.

/** Escape one reference token: `~` → `~0`, `/` → `~1`. */
export const escapeToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

/** Append tokens to a pointer, e.g. `pointer('/nodes/3', 'config', 'url')` → `/nodes/3/config/url`. */
export const pointer = (base: string, ...tokens: (string | number)[]): string =>
  base + tokens.map((t) => `/${escapeToken(t)}`).join('');

/** Split a pointer into unescaped tokens. */
export const tokensOf = (path: string): string[] =>
  path === ''
    ? []
    : path
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
