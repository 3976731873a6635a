// Rules test-unknown-node, test-unknown-mock, test-contradictory-mock, test-unknown-variable and duplicate-test-name.

import type { FlowDocument } from '../../document';
import type { ResourceResolver } from '../../resources';
import { mockContradictions } from '../../mock-contradictions';
import { mockResourceKey, mockTableOf } from '../../mock-targets';
import { subflowKeyOf } from '../../resource-references';
import { mockTables, type MockTable } from '../../test-case';
import type { FlowContext, SemanticRule } from '../flow-context';
import { pointer } from '../json-pointer';

/** For each mock table, the resource keys its mocks may name instead of a node id (a queue's skill groups). */
const resourceKeys = (ctx: FlowContext): Map<MockTable, Set<string>> => {
  const keys = new Map<MockTable, Set<string>>();
  for (const { node, parsed } of ctx.nodes) {
    const table = parsed ? mockTableOf(node.type) : undefined;
    const key = table ? mockResourceKey(node) : undefined;
    if (!table || key === undefined) continue;
    if (!keys.has(table)) keys.set(table, new Set());
    keys.get(table)!.add(key);
  }
  return keys;
};

/**
 * Node ids of called subflows that a mock may name, with their types: both `subflowNode/innerNode`
 * (nested calls add more segments) and the plain inner id, as the simulator accepts both.
 */
function subflowNodeTypes(ctx: FlowContext, resolver: ResourceResolver): Map<string, string> {
  const types = new Map<string, string>();
  const visit = (doc: FlowDocument, prefix: string, seen: Set<string>) => {
    for (const node of Array.isArray(doc.nodes) ? doc.nodes : []) {
      if (typeof node?.id !== 'string') continue;
      types.set(`${prefix}/${node.id}`, node.type);
      if (!types.has(node.id)) types.set(node.id, node.type);
      const key = subflowKeyOf(node);
      const inner = key !== undefined && !seen.has(key) ? resolver.subflow(key) : undefined;
      if (inner) visit(inner, `${prefix}/${node.id}`, new Set([...seen, key!]));
    }
  };
  for (const entry of ctx.nodes) {
    const key = entry.parsed ? entry.parsed.refs.resources.find((r) => r.kind === 'subflow')?.key : undefined;
    if (key === undefined) continue;
    const doc = resolver.subflow(key);
    if (doc) visit(doc, entry.id, new Set([key]));
  }
  return types;
}

export const checkTestCases: SemanticRule = (ctx) => {
  const names = new Map<string, number>();
  const otherKeys = resourceKeys(ctx);
  const resolver = ctx.options.resources;
  const inSubflows = resolver && ctx.tests.length > 0 ? subflowNodeTypes(ctx, resolver) : new Map<string, string>();
  for (const { value: test, index, path } of ctx.tests) {
    const first = names.get(test.name);
    if (first !== undefined) {
      ctx.report.error({
        rule: 'duplicate-test-name',
        path: `${path}/name`,
        code: 'duplicate-test-name',
        params: { test: test.name, first: first + 1, second: index + 1 },
      });
    } else names.set(test.name, index);

    const unknownNode = (id: string, at: string, what: 'visit' | 'end') =>
      ctx.report.error({
        rule: 'test-unknown-node',
        path: at,
        code: 'test-unknown-node',
        params: { test: test.name, what, id },
      });
    (test.expect.visits ?? []).forEach((id, i) => {
      if (!ctx.nodesById.has(id)) unknownNode(id, `${path}/expect/visits/${i}`, 'visit');
    });
    if (test.expect.end !== undefined && !ctx.nodesById.has(test.expect.end))
      unknownNode(test.expect.end, `${path}/expect/end`, 'end');

    for (const name of Object.keys(test.expect.vars ?? {})) {
      if (ctx.variablesByName.has(name)) continue;
      ctx.report.error({
        rule: 'test-unknown-variable',
        path: pointer(`${path}/expect/vars`, name),
        code: 'test-unknown-variable',
        params: { test: test.name, variable: name },
      });
    }

    for (const table of mockTables) {
      for (const key of Object.keys(test.mocks?.[table] ?? {})) {
        if (mockTableOf(ctx.nodesById.get(key)?.node.type) === table) continue;
        if (!ctx.nodesById.has(key) && mockTableOf(inSubflows.get(key)) === table) continue;
        if (otherKeys.get(table)?.has(key)) continue;
        const node = ctx.nodesById.get(key);
        ctx.report.error({
          rule: 'test-unknown-mock',
          path: pointer(`${path}/mocks/${table}`, key),
          ...(node
            ? { code: 'test-unknown-mock-type', params: { test: test.name, table, key, type: node.node.type } }
            : { code: 'test-unknown-mock', params: { test: test.name, table, key } }),
        });
      }
    }
    for (const c of mockContradictions(
      test.mocks ?? {},
      ctx.nodes.map((n) => n.node),
    )) {
      ctx.report.error({
        rule: 'test-contradictory-mock',
        path: pointer(`${path}/mocks/${c.table}`, c.key, c.path.slice(1)),
        code: 'test-contradictory-mock',
        params: { test: test.name, detail: c.message },
      });
    }
  }
};
