// Browser tests' global setup: build the studio once when `.next` is older than its sources (as `npm start` would),
// so each test file's server starts at once. `next build` skips type-checking (next.config.ts): `npm test` ran tsc.

import { buildIsStale, runNext } from '../../scripts/next-build';
import { studioRoot } from './helpers/studio-server';

export default async function setup(): Promise<void> {
  if (!buildIsStale(studioRoot)) return;
  console.log('Browser tests: building the studio (next build)…');
  const code = await runNext(studioRoot, ['build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}; the browser tests need a built studio.`);
}
