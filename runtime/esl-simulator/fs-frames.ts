// Frames as FreeSWITCH 1.10.12 writes them on an outbound socket (shapes copied from ../shared/fixtures/esl transcripts).

/** FreeSWITCH URL-encodes event-plain header values; `/` `$` `.` `-` `_` stay as they are (e.g. `127.0.0.1%3A8084%20async%20full`). */
export function fsEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2F/g, '/')
    .replace(/%24/g, '$')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const lines = (headers: [string, string][]) => headers.map(([name, value]) => `${name}: ${value}\n`).join('');

/** A `command/reply` (`+OK`, `+OK will linger`, `-ERR …`). */
export function commandReply(text: string): string {
  return `Content-Type: command/reply\nReply-Text: ${text}\n\n`;
}

/** An `api/response` with its body. */
export function apiResponse(body: string): string {
  return `Content-Type: api/response\nContent-Length: ${Buffer.byteLength(body)}\n\n${body}`;
}

/** The reply to `connect`: the whole CHANNEL_DATA event as the header block, then the reply headers, no body. */
export function channelDataReply(headers: [string, string][]): string {
  return `${lines(headers.map(([n, v]) => [n, fsEncode(v)]))}Content-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n`;
}

/** A `text/event-plain` event: Content-Length first, then the URL-encoded headers (and the event's own body) as the body. */
export function plainEvent(headers: [string, string][], eventBody?: string): string {
  const encoded = lines(headers.map(([n, v]) => [n, fsEncode(v)]));
  const body =
    eventBody === undefined
      ? `${encoded}\n`
      : `${encoded}Content-Length: ${Buffer.byteLength(eventBody)}\n\n${eventBody}`;
  return `Content-Length: ${Buffer.byteLength(body)}\nContent-Type: text/event-plain\n\n${body}`;
}

/**
 * A `text/event-json` event (after `myevents json` / `event json …`): the same headers as a JSON object, not URL-encoded;
 * the event's own body (a BACKGROUND_JOB's result) is `_body` after its `Content-Length`.
 */
export function jsonEvent(headers: [string, string][], eventBody?: string): string {
  const fields =
    eventBody === undefined
      ? headers
      : [...headers, ['Content-Length', String(Buffer.byteLength(eventBody))], ['_body', eventBody]];
  const body = JSON.stringify(Object.fromEntries(fields));
  return `Content-Length: ${Buffer.byteLength(body)}\nContent-Type: text/event-json\n\n${body}`;
}

/** The notice FreeSWITCH sends when the channel hangs up: `linger` keeps the socket open, `disconnect` closes it. */
export function disconnectNotice(
  uuid: string,
  channelName: string,
  disposition: 'linger' | 'disconnect',
  lingerSeconds = -1,
): string {
  if (disposition === 'linger') {
    return `Content-Type: text/disconnect-notice\nControlled-Session-UUID: ${uuid}\nContent-Disposition: linger\nChannel-Name: ${channelName}\nLinger-Time: ${lingerSeconds}\nContent-Length: 0\n\n`;
  }
  const body = 'Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n';
  return `Content-Type: text/disconnect-notice\nControlled-Session-UUID: ${uuid}\nContent-Disposition: disconnect\nContent-Length: ${Buffer.byteLength(body)}\n\n${body}`;
}

/** One ESL command as the client wrote it: the first line, its headers (sendmsg carries several) and a body if any. */
export interface ClientCommand {
  line: string;
  headers: Record<string, string>;
  /** Content-Length bytes after the blank line (`sendevent` with a body). */
  body?: string;
}

/** Splits the client's byte stream into commands (each ends with a blank line, then its body); returns the rest. */
export function readCommands(buffer: string): { commands: ClientCommand[]; rest: string } {
  const commands: ClientCommand[] = [];
  let rest = buffer;
  for (;;) {
    const end = rest.indexOf('\n\n');
    if (end === -1) break;
    const [line, ...headerLines] = rest.slice(0, end).split('\n');
    const headers: Record<string, string> = {};
    for (const header of headerLines) {
      const colon = header.indexOf(': ');
      if (colon > 0) headers[header.slice(0, colon)] = header.slice(colon + 2);
    }
    const length = Number(headers['Content-Length'] ?? 0);
    if (length > 0 && rest.length < end + 2 + length) break;
    commands.push({
      line: (line ?? '').trim(),
      headers,
      ...(length > 0 ? { body: rest.slice(end + 2, end + 2 + length) } : {}),
    });
    rest = rest.slice(end + 2 + length);
  }
  return { commands, rest };
}
