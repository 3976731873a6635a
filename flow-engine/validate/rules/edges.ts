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
        code: 'dangling-edge-source',
        params: { edge: edge.id, missing: edge.source },
      });
    }
    if (!ctx.nodesById.has(edge.target)) {
      ctx.report.error({
        rule: 'dangling-edge',
        path: `${path}/target`,
        edgeId: edge.id,
        ...(source ? { nodeId: source.id } : {}),
        code: 'dangling-edge-target',
        params: { edge: edge.id, missing: edge.target },
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
        ...(names.length === 0
          ? { code: 'unknown-port-no-exits', params: { edge: edge.id, node: source.id, type: source.node.type } }
          : { code: 'unknown-port', params: { edge: edge.id, node: source.id, port: edge.port, ports: names } }),
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
      code: 'duplicate-port-edge',
      params: { node: source.id, port: edge.port, first: earlier, second: edge.id },
    });
  }
};
