// Rules dangling-edge, unknown-port and duplicate-port-edge: every edge joins a real port to a real node, one edge per port.

import type { SemanticRule } from '../flow-context';

export const checkEdges: SemanticRule = (ctx) => {
  const used = new Map<string, string>();
  for (const { value: edge, path } of ctx.edges) {
    const source = ctx.nodesById.get(edge.source);
    if (!source) {
      ctx.report.error({
        rule: 'dangling-edge',
        path: `${path}/source`,
        edgeId: edge.id,
        message: `Edge "${edge.id}" starts at node "${edge.source}", which does not exist.`,
      });
    }
    if (!ctx.nodesById.has(edge.target)) {
      ctx.report.error({
        rule: 'dangling-edge',
        path: `${path}/target`,
        edgeId: edge.id,
        ...(source ? { nodeId: source.id } : {}),
        message: `Edge "${edge.id}" leads to node "${edge.target}", which does not exist.`,
      });
    }
    if (!source?.parsed) continue;
    const ports = source.parsed.ports;
    if (!ports.some((p) => p.name === edge.port)) {
      const names = ports.map((p) => p.name);
      ctx.report.error({
        rule: 'unknown-port',
        path: `${path}/port`,
        nodeId: source.id,
        edgeId: edge.id,
        message:
          names.length === 0
            ? `Edge "${edge.id}" leaves node "${source.id}", which has no exits (a ${source.node.type} node ends the call).`
            : `Edge "${edge.id}" leaves node "${source.id}" by port "${edge.port}", which it does not have; its ports are ${names.join(', ')}.`,
      });
      continue;
    }
    const key = `${edge.source}\u0000${edge.port}`;
    const earlier = used.get(key);
    if (earlier === undefined) {
      used.set(key, edge.id);
      continue;
    }
    ctx.report.error({
      rule: 'duplicate-port-edge',
      path: `${path}/port`,
      nodeId: source.id,
      edgeId: edge.id,
      message: `Node "${source.id}": port "${edge.port}" has two edges ("${earlier}" and "${edge.id}"); a port leads to one next step only.`,
    });
  }
};
