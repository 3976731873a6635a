// Public API of flow-engine: a plain list of re-exports (each part's own index.ts says what it offers).

export * from './document';
export * from './test-case';
export * from './define-node';
export * from './resources';
export * from './canonical-json';
export { nodeDefinitions, nodeTypes, isNodeType, getNodeDefinition, type NodeType } from './nodes/index';
export * from './expression';
export * from './schedule';
export * from './region';
export * from './validate';
export * from './diff';
export * from './compile';
export * from './driver';
export * from './simulator';
export * from './json';
