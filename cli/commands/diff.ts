// `callflow diff BEFORE.json AFTER.json [--json] [--lang en|zh-CN]`: what a caller would notice between two versions of a flow.

import { diffCallerExperience, formatCallerExperience, reviewNodes } from '../../flow-engine/diff';
import type { FlowDocument } from '../../flow-engine/document';
import { parseCommandArgs } from '../args';
import { InputError } from '../../flow-engine/node/input-error';
import { ExitCode, UsageError } from '../errors';
import { commandHelp } from '../help';
import type { CliIo } from '../io';
import { readJsonFile } from '../../flow-engine/node/read-input-file';
import { outputLanguage, outputWords } from '../output-language';

/** A diff needs only the graph: an object with `nodes` and `edges` lists (drafts that do not validate are fine). */
function asFlow(display: string, value: unknown): FlowDocument {
  const doc = value as { nodes?: unknown; edges?: unknown } | null;
  if (
    typeof doc !== 'object' ||
    doc === null ||
    Array.isArray(doc) ||
    !Array.isArray(doc.nodes) ||
    !Array.isArray(doc.edges)
  ) {
    throw new InputError(`${display} is not a flow document: expected an object with "nodes" and "edges" lists`);
  }
  return value as FlowDocument;
}

export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', args, {
    json: { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (values.help) {
    io.out(commandHelp.diff);
    return ExitCode.ok;
  }
  const words = outputWords(outputLanguage(values.lang, '--lang'));
  const [beforeFile, afterFile] = positionals;
  if (positionals.length !== 2 || beforeFile === undefined || afterFile === undefined) {
    throw new UsageError(
      'diff takes two flow files, the older first, e.g. callflow diff old/hotline.json flows/hotline.json',
    );
  }
  const read = (file: string) => {
    const json = readJsonFile(io.cwd, file);
    return asFlow(json.display, json.value);
  };
  const before = read(beforeFile);
  const after = read(afterFile);
  const review = diffCallerExperience(before, after);
  io.out(
    values.json
      ? `${JSON.stringify(review, null, 2)}\n`
      : formatCallerExperience(review, words.review(reviewNodes(before, after))),
  );
  return ExitCode.ok;
}
