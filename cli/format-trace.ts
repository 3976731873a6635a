// Human-readable `callflow simulate` output: what was played and heard, the path with ports, the end and variables.

import type { FlowDocument } from '../flow-engine/document';
import type { SimulationTrace, TranscriptEntry } from '../flow-engine/simulator';

const SPEAKER: Record<TranscriptEntry['kind'], string> = {
  played: 'plays',
  heard: 'caller',
  event: 'event',
};

function transcriptLines(trace: SimulationTrace): string[] {
  if (trace.transcript.length === 0) return ['  (nothing was played or heard)'];
  const width = Math.max(...trace.transcript.map((entry) => entry.node.length));
  return trace.transcript.map((entry) => `  ${entry.node.padEnd(width)}  ${SPEAKER[entry.kind].padEnd(6)}  ${entry.text}`);
}

/** e.g. `start [next] → hours [open] → menu [1] → crmLookup`; ports show which exit each node was left by. */
export function formatPath(trace: SimulationTrace): string {
  return trace.steps.map((step) => (step.port === null ? step.node : `${step.node} [${step.port}]`)).join(' → ');
}

function variableLines(vars: Record<string, unknown>): string[] {
  const names = Object.keys(vars);
  if (names.length === 0) return ['Variables: none declared'];
  return ['Variables:', ...names.map((name) => `  ${name} = ${JSON.stringify(vars[name])}`)];
}

/** The transcript, then `Path:`, `Ended:` and the variables at the end. */
export function formatTrace(flow: FlowDocument, trace: SimulationTrace): string {
  const end = `Ended: ${trace.end.reason} at ${trace.end.node}${trace.end.detail ? ` (${trace.end.detail})` : ''}`;
  return [
    `Simulated call of flow "${flow.id}"`,
    ...transcriptLines(trace),
    '',
    `Path: ${formatPath(trace)}`,
    end,
    ...variableLines(trace.vars),
    '',
  ].join('\n');
}
