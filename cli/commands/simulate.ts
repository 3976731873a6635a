// `callflow simulate FILE …`: runs one call built from the flags and prints the transcript or the trace JSON.

import type { CallSetup, TestCase } from '../../flow-engine/test-case';
import { simulate } from '../../flow-engine/simulator';
import { parseCommandArgs } from '../args';
import { callerInputsFromTokens, checkCallTime } from '../call-options';
import { requireRunnableFlow } from '../check-flow';
import { ExitCode, UsageError } from '../errors';
import { formatTrace } from '../format-trace';
import { withEngineErrors } from '../engine-errors';
import { commandHelp } from '../help';
import type { CliIo } from '../io';
import { loadFlow, ResourcesCache } from '../load-flow';
import { loadMocks } from '../load-mocks';
import { outputLanguage, outputWords } from '../output-language';

export async function runSimulate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, tokens } = parseCommandArgs('simulate', args, {
    caller: { type: 'string' },
    dialed: { type: 'string' },
    at: { type: 'string' },
    lang: { type: 'string' },
    input: { type: 'string', multiple: true },
    say: { type: 'string', multiple: true },
    hangup: { type: 'boolean' },
    mock: { type: 'string' },
    resources: { type: 'string' },
    json: { type: 'boolean' },
    'output-lang': { type: 'string' },
  });
  if (values.help) {
    io.out(commandHelp.simulate);
    return ExitCode.ok;
  }
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined) {
    throw new UsageError('simulate takes exactly one flow file, e.g. callflow simulate flows/hotline.json --input 1');
  }
  // Command-line mistakes are reported before any file is read.
  const words = outputWords(outputLanguage(values['output-lang'], '--output-lang'));
  const inputs = callerInputsFromTokens(tokens);
  const call: CallSetup = {
    ...(values.caller !== undefined && { caller: values.caller }),
    ...(values.dialed !== undefined && { dialed: values.dialed }),
    ...(values.at !== undefined && { at: checkCallTime(values.at) }),
    ...(values.lang !== undefined && { language: values.lang }),
  };

  const loaded = loadFlow(io.cwd, file, values.resources, new ResourcesCache(io.cwd));
  const { flow, subflows } = requireRunnableFlow(loaded, 'simulate', words);
  if (call.language !== undefined && !flow.languages.includes(call.language)) {
    throw new UsageError(
      `--lang ${call.language} is not a language of flow "${flow.id}"; use one of: ${flow.languages.join(', ')}`,
    );
  }
  const mocks = values.mock === undefined ? undefined : loadMocks(io.cwd, values.mock, [flow, ...subflows]);
  const testCase: Omit<TestCase, 'expect'> = { name: 'callflow simulate', call, inputs, ...(mocks && { mocks }) };

  const trace = await withEngineErrors(loaded.display, () =>
    simulate(flow, testCase, { resources: loaded.resources.resolver }),
  );
  io.out(values.json ? `${JSON.stringify(trace, null, 2)}\n` : formatTrace(flow, trace, words));
  return ExitCode.ok;
}
