// Strict flag parsing for each command (node:util parseArgs), with errors that name the offending flag.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Every command accepts --help / -h. */
const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

type ParsedTokens = NonNullable<ReturnType<typeof parseArgs>['tokens']>;
export type ArgToken = ParsedTokens[number];

function isParseArgsError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * Explain a strict parse failure. Node's messages are generic, so the arguments are re-read leniently
 * and the first token that breaks the command's option table is described.
 */
function explain(command: string, args: string[], options: OptionsConfig, error: Error): UsageError {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const seeHelp = `run "callflow ${command} --help" for the options`;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) return new UsageError(`unknown option ${token.rawName} for "callflow ${command}"; ${seeHelp}`);
    if (spec.type === 'string' && token.value === undefined) {
      return new UsageError(`option ${token.rawName} needs a value; ${seeHelp}`);
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      return new UsageError(`option ${token.rawName} takes no value`);
    }
  }
  return new UsageError(error.message);
}

/** Parse a command's arguments strictly; --help is always accepted. Throws UsageError. */
export function parseCommandArgs<const O extends OptionsConfig>(command: string, args: string[], options: O) {
  const allOptions = { ...options, ...helpOption };
  try {
    return parseArgs({ args, options: allOptions, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    if (isParseArgsError(error)) throw explain(command, args, allOptions, error);
    throw error;
  }
}
