// Which nodes a test case's mock answers: each node type's definition names its mock table and any other key
// (a queue's skill group) a mock may use, so validation, the CLI and contradiction checks need no per-type table.

import type { FlowNode } from './document';
import { getNodeDefinition, nodeDefinitions } from './nodes/index';
import type { NodeMocks } from './define-node';
import type { MockTable } from './test-case';

const mocksOf = (type: unknown): NodeMocks<unknown> | undefined =>
  typeof type === 'string' ? getNodeDefinition(type)?.mocks : undefined;

/** The mock table that answers nodes of this type, or undefined when the type is not mocked. */
export function mockTableOf(type: unknown): MockTable | undefined {
  return mocksOf(type)?.table;
}

/** What a table's other keys are called (`skill group` for queue mocks), or undefined when mocks name node ids only. */
export function resourceNounOf(table: MockTable): string | undefined {
  return Object.values(nodeDefinitions).find((d) => d.mocks?.table === table && d.mocks.resourceKey)?.mocks?.resourceKey
    ?.noun;
}

/** The node's parsed config when its type is mocked and the config parses (an invalid one is validate's to report). */
function mockedConfig(node: FlowNode): unknown {
  const definition = typeof node?.type === 'string' ? getNodeDefinition(node.type) : undefined;
  if (!definition?.mocks) return undefined;
  const parsed = definition.config.safeParse(node.config ?? {});
  return parsed.success ? parsed.data : undefined;
}

/** The resource key a mock may use for this node instead of its id (a queue's skill group), if any. */
export function mockResourceKey(node: FlowNode): string | undefined {
  const resourceKey = mocksOf(node?.type)?.resourceKey;
  const config = resourceKey ? mockedConfig(node) : undefined;
  return config !== undefined ? resourceKey!.of(config) : undefined;
}

/** One node a mock answers, with its parsed config. */
export interface MockTarget {
  node: FlowNode;
  config: unknown;
  mocks: NodeMocks<unknown>;
}

/**
 * The nodes a `table` mock with this key answers: the node with that id (the last segment inside subflows), or
 * else those whose resource key it is. Nodes whose config does not parse are left out.
 */
export function mockTargets(table: MockTable, key: string, nodes: readonly FlowNode[]): MockTarget[] {
  const own = key.split('/').pop()!;
  const mocked = nodes.filter((n) => mockTableOf(n.type) === table);
  const byId = mocked.filter((n) => n.id === own);
  const targets: MockTarget[] = [];
  for (const node of byId.length > 0 ? byId : mocked) {
    const config = mockedConfig(node);
    if (config === undefined) continue;
    const mocks = mocksOf(node.type)!;
    if (byId.length > 0 || mocks.resourceKey?.of(config) === key) targets.push({ node, config, mocks });
  }
  return targets;
}
