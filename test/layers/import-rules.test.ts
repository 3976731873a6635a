// The import-rule checker (`npm run check:imports`, part of `npm test`): DESIGN §2's table as dependency-cruiser rules.
// A throw-away tree plants one wrong import per rule, and a server module without 'server-only', beside imports §2
// allows; the checker, run with the repository's config over the folders its npm script names, must report exactly the
// wrong ones and exit non-zero.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const depcruise = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const scriptPrefix = 'depcruise --config .dependency-cruiser.cjs --output-type err ';

/** Files of the planted tree: path → source. Each wrong import says which rule it breaks in `expected` below. */
const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', resolveJsonModule: true, strict: true },
  }),
  'schemas/flow.schema.json': '{}',
  'node_modules/server-only/package.json': JSON.stringify({ name: 'server-only', main: 'index.js' }),
  'node_modules/server-only/index.js': '',
  // Allowed: the engine reads the JSON Schema; flow-engine/node uses the engine and Node.
  'flow-engine/resources.ts':
    "import schema from '../schemas/flow.schema.json';\nexport const resolverFromBundle = () => schema;\n",
  'flow-engine/node/load-resources.ts':
    "import { readFileSync } from 'node:fs';\nimport { resolverFromBundle } from '../resources';\nexport const loadResources = () => [readFileSync, resolverFromBundle];\n",
  'flow-engine/node/input-error.ts': 'export class InputError extends Error {}\n',
  // Allowed: schemas/ imports engine values; the runtime, the studio server and the CLI import both.
  'schemas/load-resolver.ts':
    "import { resolverFromBundle } from '../flow-engine/resources';\nexport const loadResolver = resolverFromBundle;\n",
  'runtime/calls/session.ts':
    "import { loadResolver } from '../../schemas/load-resolver';\nimport { loadResources } from '../../flow-engine/node/load-resources';\nexport const session = [loadResolver, loadResources];\n",
  'app/_server/env.ts':
    "import 'server-only';\nimport { loadResolver } from '../../schemas/load-resolver';\nexport const loadEnv = loadResolver;\n",
  'cli/errors.ts': 'export class UsageError extends Error {}\n',
  'cli/commands/dial.ts':
    "import { session } from '../../runtime/calls/session';\nimport { InputError } from '../../flow-engine/node/input-error';\nexport const dial = [session, InputError];\n",
  'bin/callflow.ts': "import { dial } from '../cli/commands/dial';\nexport default dial;\n",
  'test/helpers.ts': 'export const helper = 1;\n',
  // Allowed: a module the start-up launcher loads in plain Node goes without the 'server-only' marker.
  'app/_server/http/studio-server.ts': "import { loadEnv } from '../env';\nexport const listen = loadEnv;\n",
  // Allowed: the browser may import server types (erased at build).
  'app/_components/editor.tsx': "import type { loadEnv } from '../_server/env';\nexport type Env = typeof loadEnv;\n",
  // Allowed: a node type's form uses the form kit; the inspector panel picks the form from nodes/.
  'app/_components/form-kit/form-fields.tsx': 'export const FieldRow = 1;\n',
  'app/_components/nodes/menu/inspector.tsx':
    "import { FieldRow } from '../../form-kit/form-fields';\nexport const MenuInspector = FieldRow;\n",
  'app/_components/inspector/node-inspector.tsx':
    "import { MenuInspector } from '../nodes/menu/inspector';\nimport { FieldRow } from '../form-kit/form-fields';\nexport const x = [MenuInspector, FieldRow];\n",

  // Wrong, one per rule.
  'flow-engine/validate/uses-node-helper.ts':
    "import { loadResources } from '../node/load-resources';\nexport const x = loadResources;\n",
  'flow-engine/compile/reads-file.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  'flow-engine/node/uses-runtime.ts':
    "import { session } from '../../runtime/calls/session';\nexport const x = session;\n",
  'schemas/uses-app.ts': "import { loadEnv } from '../app/_server/env';\nexport const x = loadEnv;\n",
  'runtime/uses-cli.ts': "import { UsageError } from '../cli/errors';\nexport const x = UsageError;\n",
  'app/_server/simulator/call-integration.ts':
    "import 'server-only';\nimport { session } from '../../../runtime/calls/session';\nexport const x = session;\n",
  'app/_server/flows/template-resources-file.ts':
    "import 'server-only';\nimport { UsageError } from '../../../cli/errors';\nexport const x = UsageError;\n",
  'cli/commands/admin-reset-password.ts':
    "import { loadEnv } from '../../app/_server/env';\nexport const x = loadEnv;\n",
  'runtime/uses-test-helper.ts': "import { helper } from '../test/helpers';\nexport const x = helper;\n",
  'app/_components/loads-server.tsx': "import { loadEnv } from '../_server/env';\nexport const x = loadEnv;\n",
  'app/_server/forgets-marker.ts': "import { loadEnv } from './env';\nexport const x = loadEnv;\n",
  'app/_lib/reads-path.ts': "import path from 'node:path';\nexport const x = path;\n",
  'app/_components/nodes/menu/uses-inspector.ts':
    "import { x } from '../../inspector/node-inspector';\nexport const y = x;\n",
  'app/_components/form-kit/uses-node-form.ts':
    "import { MenuInspector } from '../nodes/menu/inspector';\nexport const y = MenuInspector;\n",
};

const expected = [
  'app-not-runtime-or-cli app/_server/flows/template-resources-file.ts',
  'app-not-runtime-or-cli app/_server/simulator/call-integration.ts',
  'browser-no-node-builtins app/_lib/reads-path.ts',
  'browser-not-server app/_components/loads-server.tsx',
  'cli-not-app cli/commands/admin-reset-password.ts',
  'engine-has-no-io flow-engine/compile/reads-file.ts',
  'engine-is-pure flow-engine/validate/uses-node-helper.ts',
  'engine-node-below-its-users flow-engine/node/uses-runtime.ts',
  'form-kit-below-nodes app/_components/form-kit/uses-node-form.ts',
  'node-forms-below-inspector app/_components/nodes/menu/uses-inspector.ts',
  'product-not-tests runtime/uses-test-helper.ts',
  'runtime-not-app-or-cli runtime/uses-cli.ts',
  'schemas-below-app-cli-runtime schemas/uses-app.ts',
  'server-modules-say-server-only app/_server/forgets-marker.ts',
];

describe('the import-rule checker (DESIGN §2)', () => {
  let tree: string;

  beforeAll(() => {
    tree = mkdtempSync(path.join(os.tmpdir(), 'callflow-import-rules-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      writeFileSync(path.join(tree, file), text);
    }
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  test('npm test runs the checker with the repository config', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['check:imports']?.slice(0, scriptPrefix.length)).toBe(scriptPrefix);
    expect(scripts.test).toContain('npm run check:imports');
  });

  test('reports each planted wrong import by its rule, none of the allowed ones, and fails', () => {
    const folders = (
      JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts['check:imports']!.slice(scriptPrefix.length).split(' ');
    // The same command line as the npm script, run in the planted tree with the repository's config.
    const run = spawnSync(
      process.execPath,
      [depcruise, '--config', path.join(repo, '.dependency-cruiser.cjs'), '--output-type', 'err', ...folders],
      {
        cwd: tree,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    // One line per violation: `  error RULE: FROM → TO` (or `  error RULE: FROM` for a missing required import).
    const found = [...run.stdout.matchAll(/^\s*error ([\w-]+): (\S+)/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    expect(found).toEqual(expected);
    expect(run.stdout).toContain(`x ${expected.length} dependency violations (${expected.length} errors, 0 warnings)`);
    expect(run.status).not.toBe(0);
  });
});
