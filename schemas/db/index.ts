// Every table and relation, one import for Drizzle's client, drizzle-kit and better-auth's adapter.

export * from './auth';
export * from './flows';
export * from './lines';
export * from './resources';
export * from './calls';
export * from './audit';
export * from './prompt-audio';
export * from './queues';
export * from './settings';
