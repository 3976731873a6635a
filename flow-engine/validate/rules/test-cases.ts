// Rules test-unknown-node, test-unknown-mock, test-contradictory-mock, test-unknown-variable and duplicate-test-name.

import type { FlowDocument } from '../../document';
import type { ResourceResolver } from '../../resources';
import { mockContradictions } from '../../mock-contradictions';
import type { Mocks } from '../../test-case';
import type { FlowContext, SemanticRule } from '../flow-context';
import { pointer } from '../json-pointer';

/** Which node type each mock table answers for. */
const mockNodeTypes: Record<keyof Mocks, string> = {
  http: 'http',
  queue: 'queue',
  transfer: 'transfer',
  callback: 'callback',
  record: 'record',
};

const skillGroupKeys = (ctx: FlowContext): Set<string> =>
  new Set(
    ctx.nodes
      .filter((n) => n.node.type === 'queue' && n.parsed)
      .map((n) => (n.parsed!.config as { skillGroup: { ref: string } }).skillGroup.ref),
  );

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
      const key = node.type === 'subflow' ? (node.config as { flow?: { ref?: unknown } })?.flow?.ref : undefined;
      const inner = typeof key === 'string' && !seen.has(key) ? resolver.subflow(key) : undefined;
      if (inner) visit(inner, `${prefix}/${node.id}`, new Set([...seen, key as string]));
    }
  };
  for (const entry of ctx.nodes) {
    if (entry.node.type !== 'subflow' || !entry.parsed) continue;
    const key = (entry.parsed.config as { flow: { ref: string } }).flow.ref;
    const doc = resolver.subflow(key);
    if (doc) visit(doc, entry.id, new Set([key]));
  }
  return types;
}

export const checkTestCases: SemanticRule = (ctx) => {
  const names = new Map<string, number>();
  const groups = skillGroupKeys(ctx);
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
      ctx.report.error({ rule: 'test-unknown-node', path: at, code: 'test-unknown-node', params: { test: test.name, what, id } });
    (test.expect.visits ?? []).forEach((id, i) => {
      if (!ctx.nodesById.has(id)) unknownNode(id, `${path}/expect/visits/${i}`, 'visit');
    });
    if (test.expect.end !== undefined && !ctx.nodesById.has(test.expect.end)) unknownNode(test.expect.end, `${path}/expect/end`, 'end');

    for (const name of Object.keys(test.expect.vars ?? {})) {
      if (ctx.variablesByName.has(name)) continue;
      ctx.report.error({
        rule: 'test-unknown-variable',
        path: pointer(`${path}/expect/vars`, name),
        code: 'test-unknown-variable',
        params: { test: test.name, variable: name },
      });
    }

    for (const table of Object.keys(mockNodeTypes) as (keyof Mocks)[]) {
      const type = mockNodeTypes[table];
      for (const key of Object.keys(test.mocks?.[table] ?? {})) {
        if (ctx.nodesById.get(key)?.node.type === type) continue;
        if (!ctx.nodesById.has(key) && inSubflows.get(key) === type) continue;
        if (table === 'queue' && groups.has(key)) continue;
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
    for (const c of mockContradictions(test.mocks ?? {}, ctx.nodes.map((n) => n.node))) {
      ctx.report.error({
        rule: 'test-contradictory-mock',
        path: pointer(`${path}/mocks/${c.table}`, c.key, c.path.slice(1)),
        code: 'test-contradictory-mock',
        params: { test: test.name, detail: c.message },
      });
    }
  }
};
