// Writes schemas/flow.schema.json from the node registry (`npm run schema:generate`); `--check` fails when stale.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeFlowSchema } from '../flow-engine/schema/index';

const target = fileURLToPath(new URL('../schemas/flow.schema.json', import.meta.url));
const text = serializeFlowSchema();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is simply stale.
  }
  if (current !== text) {
    console.error('schemas/flow.schema.json is stale: run `npm run schema:generate` and commit the result.');
    process.exit(1);
  }
  console.log('schemas/flow.schema.json is up to date.');
} else {
  writeFileSync(target, text);
  console.log(`Wrote schemas/flow.schema.json (${text.length} bytes).`);
}
