// `originate` on the simulated inbound event socket: the result line and, for a loopback call that answers, the channel
// events of both legs as inbound-event-{plain,json}-bgapi-originate.txt show them.

import { randomUUID } from 'node:crypto';

/** One channel event: its name, the leg it belongs to (Channel-Name, Unique-ID) and its own headers. */
export type EmitChannelEvent = (name: string, headers: [string, string][]) => void;

export interface Originated {
  /** `+OK <uuid>` (the `origination_uuid` when given) or `-ERR <CAUSE>`. */
  result: string;
  /** Plays the call after the result: the originating leg's application, then both legs' hangup. */
  rest?: () => Promise<void>;
  /** A loopback call that stays up: its two legs' uuids and `uuid_kill` of either (see killLoopback). */
  legs?: { uuids: [string, string]; kill(uuid: string): Promise<void> };
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/** `{a=1,b=2}` → { a: '1', b: '2' } (values without commas, as the recorded originate strings). */
function originateVariables(block: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const pair of block.slice(1, -1).split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) variables[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return variables;
}

/**
 * `originate {vars}ENDPOINT/DEST[/CONTEXT] &APP(ARG)`. `error/<cause>` fails with its cause, an endpoint FreeSWITCH does
 * not have with CHAN_NOT_IMPLEMENTED, a loopback extension listed in `extensions` with its hangup cause
 * (inbound-originate-failures.txt). Any other loopback extension answers the way the recordings' `esl_play` does
 * (answer, sleep): its `-b` leg runs the dialplan, the `-a` leg (the originated uuid) runs APP once both are up.
 * `playback` plays for `mediaMs` and hangs both legs up NORMAL_CLEARING; `park` and other applications keep the legs up
 * until `uuid_kill` of either.
 */
export function originate(
  args: string,
  extensions: Record<string, string>,
  emit: EmitChannelEvent,
  mediaMs: number,
): Originated {
  const vars = /^\{[^}]*\}/.exec(args)?.[0];
  const call = args.slice(vars?.length ?? 0).trim();
  const space = call.indexOf(' ');
  const target = space === -1 ? call : call.slice(0, space);
  const application = space === -1 ? '' : call.slice(space + 1).trim();
  const [endpoint = '', destination = ''] = target.split('/');
  if (endpoint === 'error') return { result: `-ERR ${destination.toUpperCase()}` };
  if (!['loopback', 'sofia', 'user'].includes(endpoint)) return { result: '-ERR CHAN_NOT_IMPLEMENTED' };
  const cause = endpoint === 'loopback' ? extensions[destination] : undefined;
  if (cause) return { result: `-ERR ${cause}` };
  const uuid = (vars && originateVariables(vars).origination_uuid) || randomUUID();
  if (endpoint !== 'loopback') return { result: `+OK ${uuid}` };

  const a: [string, string][] = [
    ['Channel-Name', `loopback/${destination}-a`],
    ['Unique-ID', uuid],
  ];
  const bUuid = randomUUID();
  const b: [string, string][] = [
    ['Channel-Name', `loopback/${destination}-b`],
    ['Unique-ID', bUuid],
  ];
  const app = (leg: [string, string][], name: string, data: string, response?: string): [string, string][] => [
    ...leg,
    ['Application', name],
    ['Application-Data', data],
    ...(response === undefined ? [] : ([['Application-Response', response]] as [string, string][])),
  ];
  const hangup = (leg: [string, string][], state = 'CS_EXECUTE', callState = 'ACTIVE'): [string, string][] => [
    ...leg,
    ['Channel-State', state],
    ['Channel-Call-State', callState],
    ['Hangup-Cause', 'NORMAL_CLEARING'],
    ['variable_hangup_cause', 'NORMAL_CLEARING'],
  ];
  /** After CHANNEL_HANGUP (and the completion of what the leg ran): CS_HANGUP, CS_REPORTING, CHANNEL_HANGUP_COMPLETE. */
  const ended = (leg: [string, string][]) => {
    emit('CHANNEL_STATE', hangup(leg, 'CS_HANGUP'));
    emit('CHANNEL_STATE', hangup(leg, 'CS_REPORTING', 'HANGUP'));
    emit('CHANNEL_HANGUP_COMPLETE', [...hangup(leg, 'CS_REPORTING', 'HANGUP'), ['variable_digits_dialed', 'none']]);
  };

  // The -b leg answers in the dialplan; the -a leg is answered by it (loopback); the result is known from here on.
  emit('CHANNEL_EXECUTE', app(b, 'answer', ''));
  emit('CHANNEL_ANSWER', a);
  emit('CHANNEL_ANSWER', b);
  emit('CHANNEL_EXECUTE_COMPLETE', app(b, 'answer', '', '_none_'));
  emit('CHANNEL_EXECUTE', app(b, 'sleep', '10000'));
  const run = /^&([a-z_]+)\((.*)\)$/.exec(application);
  if (!run || run[1] !== 'playback') {
    let up = true;
    /**
     * `uuid_kill` of either leg (acd-uuid-bridge-agent.txt, outbound-caller-hangup-*.txt): the killed leg's CHANNEL_HANGUP
     * comes at once, its loopback peer's one media tick (20 ms) later, then the peer's sleep completes; each leg ends
     * with CS_HANGUP, CS_REPORTING and CHANNEL_HANGUP_COMPLETE.
     */
    const kill = async (killed: string) => {
      if (!up) return;
      up = false;
      const [first, second] = killed === uuid ? [a, b] : [b, a];
      emit('CHANNEL_HANGUP', hangup(first));
      if (first === b) emit('CHANNEL_EXECUTE_COMPLETE', app(b, 'sleep', '10000', '_none_'));
      ended(first);
      await delay(20);
      emit('CHANNEL_HANGUP', hangup(second));
      if (second === b) emit('CHANNEL_EXECUTE_COMPLETE', app(b, 'sleep', '10000', '_none_'));
      ended(second);
    };
    return { result: `+OK ${uuid}`, legs: { uuids: [uuid, bUuid], kill } };
  }
  const file = run[2] ?? '';
  return {
    result: `+OK ${uuid}`,
    rest: async () => {
      emit('CHANNEL_EXECUTE', app(a, 'playback', file));
      await delay(mediaMs);
      emit('CHANNEL_EXECUTE_COMPLETE', app(a, 'playback', file, 'FILE PLAYED'));
      // Nothing follows the application: the -a leg hangs up, its loopback peer with it, whose sleep then returns.
      emit('CHANNEL_HANGUP', hangup(a));
      emit('CHANNEL_HANGUP', hangup(b));
      emit('CHANNEL_EXECUTE_COMPLETE', app(b, 'sleep', '10000', '_none_'));
      ended(a);
      ended(b);
    },
  };
}
