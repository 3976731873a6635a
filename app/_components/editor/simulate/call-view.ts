// What the panel shows of a call up to the revealed step: canvas marks, transcript lines and timeline.

import type { FlowDocument } from '../../../../flow-engine/document';
import type { SimulationTrace, TranscriptEntry } from '../../../../flow-engine/simulator';
import type { CanvasMarks } from '../store/canvas-marks';

/** For each transcript line, the index of the step it belongs to (lines follow the steps in order). */
export function transcriptSteps(trace: Pick<SimulationTrace, 'steps' | 'transcript'>): number[] {
  const owners: number[] = [];
  let step = 0;
  for (const entry of trace.transcript) {
    for (let i = step; i < trace.steps.length; i++) {
      if (trace.steps[i]?.node === entry.node) {
        step = i;
        break;
      }
    }
    owners.push(step);
  }
  return owners;
}

/** The transcript lines of the first `revealed` steps. */
export function revealedTranscript(
  trace: Pick<SimulationTrace, 'steps' | 'transcript'>,
  revealed: number,
): TranscriptEntry[] {
  const owners = transcriptSteps(trace);
  // `owners` has one entry per transcript line.
  return trace.transcript.filter((_, i) => owners[i]! < revealed);
}

/** The top-level node a step's node is or lies inside (`sub/inner` → `sub`). */
const topLevelNode = (node: string): string => node.split('/', 1)[0]!; // split yields at least one part

/**
 * The simulation layer of canvas marks for the first `revealed` steps: visited nodes, the current node `active`,
 * edges taken (each step's port) drawn `taken` and animated. Nodes inside subflows (`sub/inner`) mark their subflow node.
 */
export function simulationMarks(
  flow: Pick<FlowDocument, 'edges'>,
  trace: Pick<SimulationTrace, 'steps'>,
  revealed: number,
): CanvasMarks {
  const nodes: Record<string, string> = {};
  const edges: Record<string, string> = {};
  const animatedEdges: Record<string, true> = {};
  const shown = trace.steps.slice(0, revealed);
  for (const step of shown) {
    const own = topLevelNode(step.node);
    nodes[own] = 'visited';
    if (step.port === null || step.node.includes('/')) continue;
    const edge = flow.edges.find((e) => e.source === step.node && e.port === step.port);
    if (edge) {
      edges[edge.id] = 'taken';
      animatedEdges[edge.id] = true;
    }
  }
  const last = shown.at(-1);
  if (last) nodes[topLevelNode(last.node)] = 'active';
  return { nodes, edges, animatedEdges };
}
