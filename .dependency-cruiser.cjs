// DESIGN §2's import rules, checked by `npm test` (depcruise). Each rule names the row of §2 it encodes; paths are
// relative to the repository root. test/, bench/, scripts/ may import anything, so no rule starts there.

/** Top-level folders that product code never imports: tests, benchmarks and launch scripts sit above everything. */
const aboveProduct = '^(test|bench|scripts)/';

/**
 * Server modules that `npm start` (scripts/start.ts, plain Node through tsx) loads before Next starts: 'server-only'
 * throws outside React Server Components, so these cannot carry it. The browser rules below still keep them out.
 */
const launcherModules = [
  '^app/_server/audio/audio-limits\\.ts$',
  '^app/_server/auth/bootstrap-admin\\.ts$',
  '^app/_server/auth/create-user\\.ts$',
  '^app/_server/auth/display-name-rules\\.ts$',
  '^app/_server/db/one-row\\.ts$',
  '^app/_server/db/process-database\\.ts$',
  '^app/_server/db/unique-violation\\.ts$',
  '^app/_server/flows/flow-input\\.ts$',
  '^app/_server/http/body-byte-limit\\.ts$',
  '^app/_server/http/client-address\\.ts$',
  '^app/_server/http/request-body-limits\\.ts$',
  '^app/_server/http/security-headers\\.ts$',
  '^app/_server/http/starting-page\\.ts$',
  '^app/_server/http/studio-server\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment:
        'flow-engine/ (outside flow-engine/node/) runs in the browser and Node: it imports flow-engine/ and the JSON Schema in schemas/ only.',
      severity: 'error',
      from: { path: '^flow-engine/', pathNot: '^flow-engine/node/' },
      to: { path: '^(app|cli|bin|runtime|schemas|templates|flow-engine/node)/', pathNot: '^schemas/[^/]+\\.json$' },
    },
    {
      name: 'engine-has-no-io',
      comment: 'flow-engine/ (outside flow-engine/node/) does no I/O: Node built-ins belong in flow-engine/node/.',
      severity: 'error',
      from: { path: '^flow-engine/', pathNot: '^flow-engine/node/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-node-below-its-users',
      comment:
        'flow-engine/node/ is shared by the CLI, the studio server and the runtime, so it imports none of them (nor schemas/ code).',
      severity: 'error',
      from: { path: '^flow-engine/node/' },
      to: { path: '^(app|cli|bin|runtime|templates)/|^schemas/(?![^/]+\\.json$)' },
    },
    {
      name: 'schemas-below-app-cli-runtime',
      comment:
        'schemas/ (tables, database client, data-dir lock, settings, NOTIFY contracts) imports flow-engine/ only.',
      severity: 'error',
      from: { path: '^schemas/' },
      to: { path: '^(app|cli|bin|runtime|templates)/' },
    },
    {
      name: 'runtime-not-app-or-cli',
      comment: 'runtime/ imports flow-engine/ and schemas/ only.',
      severity: 'error',
      from: { path: '^runtime/' },
      to: { path: '^(app|cli|bin)/' },
    },
    {
      name: 'app-not-runtime-or-cli',
      comment: 'app/ imports flow-engine/ and schemas/: never runtime/ internals, never cli/.',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: '^(runtime|cli|bin)/' },
    },
    {
      name: 'cli-not-app',
      comment: 'cli/ and bin/ import flow-engine/, schemas/ and runtime/ (for `runtime` and `dial`), never app/.',
      severity: 'error',
      from: { path: '^(cli|bin)/' },
      to: { path: '^app/' },
    },
    {
      name: 'product-not-tests',
      comment: 'Product code never imports tests, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^(flow-engine|schemas|runtime|app|cli|bin)/' },
      to: { path: aboveProduct },
    },
    {
      name: 'browser-not-server',
      comment:
        'The browser bundle (app/_components/, app/_lib/) never loads server code: app/_server/, flow-engine/node/, schemas/ code or Node built-ins. Type-only imports are erased and allowed.',
      severity: 'error',
      from: { path: '^app/(_components|_lib)/' },
      to: {
        path: '^(app/_server|flow-engine/node|runtime|cli)/|^schemas/(?![^/]+\\.json$)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'browser-no-node-builtins',
      comment: 'The browser bundle cannot load Node built-ins.',
      severity: 'error',
      from: { path: '^app/(_components|_lib)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'node-forms-below-inspector',
      comment:
        "A node type's studio entry and form (app/_components/nodes/) use the form kit; the inspector panel (app/_components/inspector/) picks the form from nodes/, never the reverse.",
      severity: 'error',
      from: { path: '^app/_components/nodes/' },
      to: { path: '^app/_components/inspector/' },
    },
    {
      name: 'form-kit-below-nodes',
      comment:
        'The form kit (app/_components/form-kit/) is shared by the node forms and the inspector: it imports neither.',
      severity: 'error',
      from: { path: '^app/_components/form-kit/' },
      to: { path: '^app/_components/(nodes|inspector)/' },
    },
  ],
  required: [
    {
      name: 'server-modules-say-server-only',
      severity: 'error',
      comment:
        "Every app/_server/ module imports 'server-only', so Next refuses to bundle it for the browser; the launcher's modules cannot (see launcherModules). Benchmarks that call routers in-process run with --conditions=react-server.",
      module: { path: '^app/_server/', pathNot: launcherModules },
      to: { path: '^node_modules/server-only/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.next|\\.data)/' },
    // Type-only imports are seen and marked, so the browser rule can tell them from value imports.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    skipAnalysisNotInRules: true,
  },
};
