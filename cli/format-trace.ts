// Human-readable `callflow simulate` output: what was played and heard, the path with ports, the end and variables,
// in the output language (English names nodes by id, Chinese by label).

import type { FlowDocument } from '../flow-engine/document';
import type { SimulationTrace, TranscriptEntry } from '../flow-engine/simulator';
import { outputWords, type OutputWords } from './output-language';

/** Display width: a CJK character takes two columns in a terminal. */
const width = (text: string) =>
  [...text].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );
const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

function transcriptLines(trace: SimulationTrace, words: OutputWords, name: (id: string) => string): string[] {
  if (trace.transcript.length === 0) return [`  ${words.say('simulate.nothing')}`];
  const speaker = (kind: TranscriptEntry['kind']) => words.say(`simulate.${kind}`);
  const nodeWidth = Math.max(...trace.transcript.map((entry) => width(name(entry.node))));
  const speakerWidth = Math.max(6, ...(['played', 'heard', 'event'] as const).map((k) => width(speaker(k))));
  return trace.transcript.map(
    (entry) =>
      `  ${pad(name(entry.node), nodeWidth)}  ${pad(speaker(entry.kind), speakerWidth)}  ${entry.kind === 'played' ? entry.text : words.transcriptLine(entry)}`,
  );
}

/** e.g. `start [next] → hours [open] → menu [1] → crmLookup`; ports show which exit each node was left by. */
export function formatPath(
  trace: SimulationTrace,
  words: OutputWords = outputWords('en'),
  name: (id: string) => string = (id) => id,
): string {
  return trace.steps
    .map((step) => (step.port === null ? name(step.node) : `${name(step.node)} [${words.portName(step.port)}]`))
    .join(' → ');
}

function variableLines(vars: Record<string, unknown>, words: OutputWords): string[] {
  const names = Object.keys(vars);
  if (names.length === 0) return [words.say('simulate.noVariables')];
  return [words.say('simulate.variables'), ...names.map((name) => `  ${name} = ${JSON.stringify(vars[name])}`)];
}

/** The transcript, then `Path:`, `Ended:` and the variables at the end. */
export function formatTrace(
  flow: FlowDocument,
  trace: SimulationTrace,
  words: OutputWords = outputWords('en'),
): string {
  const name = words.nodeNamer(flow.nodes);
  const reason = words.endReason(trace.end.reason);
  const end = trace.end.detail
    ? words.say('simulate.endedDetail', { reason, node: name(trace.end.node), detail: trace.end.detail })
    : words.say('simulate.ended', { reason, node: name(trace.end.node) });
  return [
    words.say('simulate.title', { flow: words.language === 'en' ? flow.id : flow.name || flow.id }),
    ...transcriptLines(trace, words, name),
    '',
    words.say('simulate.path', { path: formatPath(trace, words, name) }),
    end,
    ...variableLines(trace.vars, words),
    '',
  ].join('\n');
}
