// A node type's knowledge lives in its defineNode entry (flow-engine/nodes/<type>.ts) and its studio folder
// (app/_components/nodes/<type>/), issue 16 point 2. This test scans every other source file for a per-type switch
// or table and fails on one that the commented allowlist below does not name; an allowlist entry that no longer
// matches anything fails too, so the list only shrinks. A planted source proves each kind of finding is caught.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ResourceKind } from '../../flow-engine/define-node';
import { effectNames } from '../../flow-engine/driver/call-driver';
import { nodeTypes } from '../../flow-engine/nodes/index';
import { scanPerType, type PerTypeFinding, type TypeNames } from './per-type-scan';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The source tree; test/ and bench/ are left out: they build and inspect flow documents, where node types are data. */
const roots = ['flow-engine', 'schemas', 'runtime', 'app', 'cli', 'bin', 'scripts'];

const resourceKinds: Record<ResourceKind, true> = {
  schedule: true,
  skillGroup: true,
  integration: true,
  subflow: true,
};
const names: TypeNames = { types: nodeTypes, shared: new Set<string>([...effectNames, ...Object.keys(resourceKinds)]) };

/** A node type's own files: its engine definition and its studio folder. */
function isTypeHome(file: string): boolean {
  const [top, second, third, fourth] = file.split('/');
  if (top === 'flow-engine' && second === 'nodes') return true;
  return (
    top === 'app' &&
    second === '_components' &&
    third === 'nodes' &&
    fourth !== undefined &&
    (nodeTypes as string[]).includes(fourth)
  );
}

/**
 * Generated from the registry, so they follow it by construction: the flow JSON Schema's compiled validator.
 */
const generated = /\.generated\.[cm]?[jt]sx?$/;

/**
 * DESIGN §3: a flow has exactly one `start` node, where every call enters. Which node begins the flow is the document
 * format's contract (the canvas, layout, validation and compile all start from it), not one node type's behaviour.
 */
const entryType = 'start';

interface Allowed {
  file: string;
  /** As PerTypeFinding.text gives it: a table's keys (`{ http, queue }`), or the first line of a switch or comparison. */
  text: string;
}

/** Findings allowed where they are, each group with its reason. */
const allowlist: { reason: string; entries: Allowed[] }[] = [
  {
    reason:
      'The test-case format (DESIGN §5) names its mock tables after the effects they answer (http, queue, transfer, ' +
      'callback, record); these define the format itself. Which node type a table answers is in each definition (`mocks`).',
    entries: [
      { file: 'flow-engine/test-case.ts', text: '{ http, queue, transfer, callback, record }' },
      { file: 'flow-engine/schema/test-case-schema.ts', text: '{ http, queue, transfer, callback, record }' },
      { file: 'cli/load-mocks.ts', text: '{ http, queue, transfer, callback, record }' },
    ],
  },
  {
    reason:
      'Message catalogue of simulator transcript lines: one code per effect outcome (queue, transfer, callback), ' +
      'shared with the studio by code; a catalogue of sentences, not a table of node behaviour.',
    entries: [
      { file: 'flow-engine/simulator/transcript-messages-en.ts', text: '{ queue, transfer, callback, hangup }' },
    ],
  },
  {
    reason:
      'FreeSWITCH application names (`set`, `record`, `hangup`…) of the simulated switch, which happen to equal node type names.',
    entries: [{ file: 'runtime/esl-simulator/simulated-channel.ts', text: '{ set, record, hangup, transfer }' }],
  },
  {
    reason:
      'The business-hours calendar (the editor’s calendar drawer) is a view of schedule nodes themselves: ' +
      'their open/closed/holiday targets and their schedules, read from the flow as written.',
    entries: [{ file: 'flow-engine/schedule/schedule-calendar.ts', text: "n.type === 'schedule'" }],
  },
  {
    reason:
      'The studio side of issue 16 point 2 (branch reg-studio: one entry per node type under app/_components/nodes/<type>/) ' +
      'moves these; remove each entry with the table it names.',
    entries: [
      { file: 'app/_components/editor/simulate/mock-editors.tsx', text: "n.type === 'http'" },
      { file: 'app/_components/editor/simulate/mock-editors.tsx', text: "n.type === 'queue'" },
      { file: 'app/_components/editor/simulate/simulate-panel.tsx', text: "awaitedNode?.type === 'menu'" },
      { file: 'app/_components/editor/simulate/simulate-panel.tsx', text: "awaitedNode?.type === 'survey'" },
      { file: 'app/_components/editor/simulate/simulation-setup.ts', text: '{ http, queue }' },
      { file: 'app/_components/editor/simulate/use-simulated-call.ts', text: "n.type === 'http'" },
      { file: 'app/_components/inspector/variables/missing-variables.ts', text: "node.type === 'survey'" },
      { file: 'app/_components/inspector/variables/missing-variables.ts', text: "node.type === 'http'" },
      { file: 'app/_components/nodes/index.ts', text: `{ ${nodeTypes.join(', ')} }` },
    ],
  },
  {
    reason:
      'Publishing refuses speech nodes on a runtime without ASR. Studio server code, outside the engine branch that ' +
      "wrote this test; it can read the registry instead (a node whose definition's effects include `recognize`, the " +
      'subflow a node calls through subflowKeyOf).',
    entries: [
      { file: 'app/_server/publishing/speech-needs-asr.ts', text: "node.type === 'speech'" },
      { file: 'app/_server/publishing/speech-needs-asr.ts', text: "node.type === 'subflow'" },
      { file: 'app/_server/publishing/speech-needs-asr.ts', text: "innerNode.type !== 'speech'" },
    ],
  },
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(repo, dir))) {
    const rel = `${dir}/${name}`;
    if (name === 'node_modules') continue;
    if (statSync(path.join(repo, rel)).isDirectory()) sourceFiles(rel, out);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const findingsIn = (files: readonly string[]): PerTypeFinding[] =>
  files.flatMap((file) => scanPerType(file, readFileSync(path.join(repo, file), 'utf8'), names));

const isEntryCheck = (f: PerTypeFinding) =>
  (f.kind === 'comparison' || f.kind === 'switch') && f.names.every((n) => n === entryType);

describe('per-type knowledge stays in the node type registry', () => {
  test('no per-type switch or table outside a node type’s own files, but for the allowlist', () => {
    const files = roots.flatMap((root) => sourceFiles(root)).filter((f) => !isTypeHome(f) && !generated.test(f));
    const found = findingsIn(files).filter((f) => !isEntryCheck(f));
    const allowed = allowlist.flatMap((group) => group.entries);
    const key = (f: { file: string; text: string }) => `${f.file}  ${f.text}`;
    const allowedKeys = new Set(allowed.map(key));
    const unexpected = found
      .filter((f) => !allowedKeys.has(key(f)))
      .map((f) => `${f.file}:${f.line} ${f.kind} ${f.text}`);
    expect(
      unexpected,
      'move these into the node type’s definition (flow-engine/nodes/<type>.ts or app/_components/nodes/<type>/)',
    ).toEqual([]);
    const foundKeys = new Set(found.map(key));
    expect(
      allowed.filter((a) => !foundKeys.has(key(a))).map(key),
      'allowlist entries that match nothing any more: remove them',
    ).toEqual([]);
    // Parses every source file of the tree (about 700) with the TypeScript parser: seconds on a busy 2-core machine.
  }, 120_000);

  test('a planted switch, comparison, keyed table, type list and Record<NodeType> are each found', () => {
    const planted = [
      "switch (node.type) { case 'queue': break; case 'transfer': break; }",
      "const ends = node.type === 'queue' ? 'queued' : 'hangup';",
      "const fields = { queue: ['skillGroup'], callback: ['number'] };",
      "const destinations = new Set(['menu', 'speech', 'hangup']);",
      'const forms: Record<NodeType, string> = {} as never;',
      // Not per-type: effect names and resource kinds that equal node type names, and a comparison of something else.
      "const effects = ['play', 'http', 'transfer'];",
      'const kinds = { schedule: 1, subflow: 2, skillGroup: 3 };',
      "if (waiting.kind === 'queue') stop();",
    ].join('\n');
    const found = scanPerType('planted.ts', planted, names);
    expect(found.map((f) => [f.line, f.kind, f.names])).toEqual([
      [1, 'switch', ['queue', 'transfer']],
      [2, 'comparison', ['queue']],
      [3, 'keyed-object', ['queue', 'callback']],
      [4, 'type-list', ['menu', 'speech', 'hangup']],
      [5, 'record-type', []],
    ]);
  });
});
