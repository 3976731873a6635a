// Public API of flow-engine: a plain list of re-exports (each part's own index.ts says what it offers).

export * from './compile';
export * from './driver';
export * from './simulator';
