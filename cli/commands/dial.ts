// `callflow dial NUMBER --runtime HOST:PORT …`: plays FreeSWITCH's part against a running runtime and prints the call (a smoke test).

import { dial, type DialTrace } from '../../runtime/esl-simulator';
import { parseCommandArgs } from '../args';
import { callerInputsFromTokens } from '../call-options';
import { CliError, ExitCode, UsageError } from '../errors';
import { commandHelp } from '../help';
import type { CliIo } from '../io';

/** Nothing answered at the address (exit 1: the smoke test failed). */
class RuntimeUnreachableError extends CliError {
  readonly exitCode = ExitCode.failed;
  override readonly name = 'RuntimeUnreachableError';
}

function parseAddress(text: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text);
  const [, host, portText] = match ?? [];
  const port = Number(portText);
  if (host === undefined || !(port >= 1 && port <= 65535))
    throw new UsageError(`--runtime "${text}" is not HOST:PORT, e.g. --runtime 127.0.0.1:8084`);
  return { host: host.replace(/^\[|\]$/g, ''), port };
}

/** The trace as `callflow simulate` prints one: what was heard and done, the path, how it ended. */
export function formatDialTrace(number: string, trace: DialTrace): string {
  const out = [`Call to ${number} (channel ${trace.uuid})`];
  for (const line of trace.lines) out.push(`  ${line}`);
  const path = trace.variables.callflow_path;
  if (path) out.push(`Path: ${path.split(',').join(' → ')}`);
  const end = trace.variables.callflow_end;
  const [reason, node] = end ? end.split('@') : [];
  if (end) out.push(`End: ${node} (${reason}), FreeSWITCH cause ${trace.hangupCause ?? 'none'}`);
  else if (trace.endedBy === 'caller') out.push('End: the caller hung up');
  else if (trace.endedBy)
    out.push(
      `End: hung up by ${trace.endedBy === 'runtime' ? 'the runtime' : 'FreeSWITCH'} (${trace.hangupCause ?? 'no cause'})`,
    );
  else out.push('End: the runtime closed the socket; FreeSWITCH would continue the dialplan after `socket`');
  return `${out.join('\n')}\n`;
}

export async function runDial(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, tokens } = parseCommandArgs('dial', args, {
    runtime: { type: 'string' },
    caller: { type: 'string' },
    input: { type: 'string', multiple: true },
    say: { type: 'string', multiple: true },
    hangup: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(commandHelp.dial);
    return ExitCode.ok;
  }
  const [destination] = positionals;
  if (positionals.length !== 1 || destination === undefined)
    throw new UsageError('dial takes exactly one number, e.g. callflow dial 4008001234 --runtime 127.0.0.1:8084');
  if (values.runtime === undefined)
    throw new UsageError("dial needs --runtime HOST:PORT, the address FreeSWITCH's socket application connects to");
  const address = parseAddress(values.runtime);
  const inputs = callerInputsFromTokens(tokens);
  const trace = await dial(address, { destination, caller: values.caller, inputs, asr: true });
  if (trace.apps.length === 0 && trace.lines.length <= 1) {
    throw new RuntimeUnreachableError(
      `no runtime answered at ${address.host}:${address.port}: is it running, and is that its outbound socket address?`,
    );
  }
  io.out(values.json ? `${JSON.stringify(trace, null, 2)}\n` : formatDialTrace(destination, trace));
  return ExitCode.ok;
}
