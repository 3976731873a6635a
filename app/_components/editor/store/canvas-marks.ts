// Canvas marks: what a tool outside the document (simulator, coverage, a failing test's path) paints on nodes, ports
// and edges. Each tool owns one layer and replaces it whole; the canvas merges the layers into CSS classes.

/** One tool's marks. Values are short mark names ("active", "visited", "uncovered", "expected-only"…). */
export interface CanvasMarks {
  nodes?: Record<string, string>;
  /** nodeId → port name → mark. */
  ports?: Record<string, Record<string, string>>;
  edges?: Record<string, string>;
  /** Edges drawn animated (the simulator's traversed path). */
  animatedEdges?: Record<string, true>;
}

/** The layers, in paint order: later layers' classes come later (and win ties in CSS). */
export const markLayers = ['coverage', 'testDiff', 'simulation'] as const;
export type MarkLayer = (typeof markLayers)[number];

export type MarkLayers = Partial<Record<MarkLayer, CanvasMarks>>;

/** `cf-mark-<layer>-<mark>` for each layer marking this node; '' when none. A string, so selectors stay primitive. */
export function nodeMarkClasses(layers: MarkLayers, nodeId: string): string {
  return classesFor(layers, (marks) => marks.nodes?.[nodeId]);
}

export function portMarkClasses(layers: MarkLayers, nodeId: string, port: string): string {
  return classesFor(layers, (marks) => marks.ports?.[nodeId]?.[port]);
}

export function edgeMarkClasses(layers: MarkLayers, edgeId: string): string {
  return classesFor(layers, (marks) => marks.edges?.[edgeId]);
}

export function edgeAnimated(layers: MarkLayers, edgeId: string): boolean {
  return markLayers.some((layer) => layers[layer]?.animatedEdges?.[edgeId] === true);
}

// Runs for every node and port on every store update (a drag's frames included): no arrays, nothing to collect.
function classesFor(layers: MarkLayers, pick: (marks: CanvasMarks) => string | undefined): string {
  let classes = '';
  for (const layer of markLayers) {
    const marks = layers[layer];
    const mark = marks && pick(marks);
    if (mark) classes += `${classes ? ' ' : ''}cf-mark-${layer}-${mark}`;
  }
  return classes;
}
