// Worker entry: registers tsx in this thread (workers do not inherit the parent's loader) and runs the TypeScript load generator.

import { register } from 'tsx/esm/api';

register();
await import('./runtime-load-worker.ts');
