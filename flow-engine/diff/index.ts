// Flow version diff: structured changes between two flow documents (pure, browser-safe).

export { diffFlows } from './diff-flows';
export type { CollectionDiff, EdgeChange, FlowDiff, NamedChange, NodeChange } from './diff-flows';
export { structuralDiff } from './structural-diff';
export type { ValueChange } from './structural-diff';
export { appendPointer, escapePointerSegment } from './json-pointer';
