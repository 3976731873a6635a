// Loads a --mock file (the `mocks` object of a test case) and checks every key names a node that can use it, consistently.

import * as z from 'zod';
import type { FlowDocument, FlowNode } from '../flow-engine/document';
import { mockContradictions } from '../flow-engine/mock-contradictions';
import { mockResourceKey, mockTableOf, resourceNounOf } from '../flow-engine/mock-targets';
import { subflowKeyOf } from '../flow-engine/resource-references';
import type { Mocks } from '../flow-engine/test-case';
import { InputError } from '../flow-engine/node/input-error';
import { readJsonFile } from '../flow-engine/node/read-input-file';
import { describeZodIssues } from '../flow-engine/node/zod-issues';

const mocksFile = z.strictObject({
  http: z
    .record(
      z.string(),
      z.strictObject({
        status: z.number().int().min(100).max(599).optional(),
        body: z.unknown().optional(),
        headers: z.record(z.string(), z.string()).optional(),
        timeout: z.boolean().optional(),
        networkError: z.boolean().optional(),
        delayMs: z.number().min(0).optional(),
      }),
    )
    .optional(),
  queue: z
    .record(
      z.string(),
      z.strictObject({
        outcome: z.enum(['answered', 'overflow', 'noAgents', 'callback']),
        waitSeconds: z.number().min(0).optional(),
        position: z.number().int().min(0).optional(),
      }),
    )
    .optional(),
  transfer: z
    .record(z.string(), z.strictObject({ outcome: z.enum(['answered', 'busy', 'noAnswer', 'failed']) }))
    .optional(),
  callback: z.record(z.string(), z.strictObject({ outcome: z.enum(['scheduled', 'failed']) })).optional(),
  record: z.record(z.string(), z.strictObject({ seconds: z.number().min(0) })).optional(),
});

type MockKind = keyof Mocks;

/**
 * Why `key` cannot be a `kind` mock for these nodes, or null when it can. As in the simulator, a key is a
 * node id, or inside a subflow `subflowNode/innerNode` (the inner id alone also matches).
 */
function keyProblem(kind: MockKind, key: string, nodes: FlowNode[]): string | null {
  const segments = key.split('/');
  const ownId = segments[segments.length - 1];
  const badPrefix = segments
    .slice(0, -1)
    .find((id) => !nodes.some((n) => n.id === id && subflowKeyOf(n) !== undefined));
  if (badPrefix !== undefined) return `mock ${kind} "${key}": "${badPrefix}" is not a subflow node of this flow`;
  const named = nodes.filter((n) => n.id === ownId);
  if (named.some((n) => mockTableOf(n.type) === kind)) return null;
  // A table whose mocks may also name a resource (queue mocks a skill group) says so in its node type's definition.
  const noun = resourceNounOf(kind);
  if (noun !== undefined) {
    if (segments.length === 1 && nodes.some((n) => mockTableOf(n.type) === kind && mockResourceKey(n) === key))
      return null;
    if (named[0]) return `mock ${kind} "${key}" names a ${named[0].type} node, not a ${kind} node or a ${noun}`;
    return `mock ${kind} "${key}" matches no ${kind} node id and no ${noun} used by a ${kind} in this flow`;
  }
  if (!named[0]) return `mock ${kind} "${key}" names no node in this flow (there is no node with id "${ownId}")`;
  return `mock ${kind} "${key}" names a ${named[0].type} node; ${kind} mocks are for ${kind} nodes`;
}

/**
 * Read a mocks file and check it against the flow (and the subflows it may call).
 * @param file path as given on the command line
 */
export function loadMocks(cwd: string, file: string, flows: readonly FlowDocument[]): Mocks {
  const json = readJsonFile(cwd, file);
  const parsed = mocksFile.safeParse(json.value, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(
      `${json.display} is not a valid mocks file (expected the "mocks" object of a test case: http, queue, transfer, callback, record):\n${describeZodIssues(parsed.error.issues)}`,
    );
  }
  // Subflows of the resources file that the flow never calls were not validated, so read their nodes warily.
  const nodes = flows.flatMap((flow) => flow.nodes).filter((n): n is FlowNode => typeof n === 'object' && n !== null);
  const problems: string[] = [];
  for (const kind of Object.keys(parsed.data) as MockKind[]) {
    for (const key of Object.keys(parsed.data[kind] ?? {})) {
      const problem = keyProblem(kind, key, nodes);
      if (problem) problems.push(`  ${problem}`);
    }
  }
  for (const contradiction of mockContradictions(parsed.data, nodes)) problems.push(`  ${contradiction.message}`);
  if (problems.length > 0)
    throw new InputError(`${json.display} has mocks that do not fit the flow:\n${problems.join('\n')}`);
  return parsed.data;
}
