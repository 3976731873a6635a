// Writes schemas/flow.schema.json from the node registry and the standalone validator generated from it
// (`npm run schema:generate`); `--check` fails when either is stale.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeFlowSchema } from '../flow-engine/schema/index';
import { flowValidatorCode } from './flow-validator-code';

const schemaText = serializeFlowSchema();
const outputs = [
  { name: 'schemas/flow.schema.json', text: schemaText },
  { name: 'flow-engine/validate/generated/flow-schema-validate.generated.ts', text: flowValidatorCode(schemaText) },
];

const pathOf = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));
const read = (name: string) => {
  try {
    return readFileSync(pathOf(name), 'utf8');
  } catch {
    // A missing file is simply stale.
    return '';
  }
};

if (process.argv.includes('--check')) {
  const stale = outputs.filter((output) => read(output.name) !== output.text).map((output) => output.name);
  if (stale.length > 0) {
    console.error(
      `${stale.join(' and ')} ${stale.length === 1 ? 'is' : 'are'} stale: run \`npm run schema:generate\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log('schemas/flow.schema.json and its generated validator are up to date.');
} else {
  for (const output of outputs) {
    writeFileSync(pathOf(output.name), output.text);
    console.log(`Wrote ${output.name} (${output.text.length} bytes).`);
  }
}
