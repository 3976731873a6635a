// Rule unconnected-port: every port that may not end the call leads somewhere.

import type { SemanticRule } from '../flow-context';

export const checkUnconnectedPorts: SemanticRule = (ctx) => {
  // In a subflow an admin may expect an open port to return to the caller: say which ports do.
  const code = ctx.doc.kind === 'subflow' ? 'unconnected-port-subflow' : 'unconnected-port';
  const connected = new Set(ctx.edges.map(({ value }) => `${value.source}\u0000${value.port}`));
  for (const entry of ctx.nodes) {
    if (!entry.parsed || ctx.nodesById.get(entry.id) !== entry) continue;
    for (const port of entry.parsed.ports) {
      if (port.mayEnd || connected.has(`${entry.id}\u0000${port.name}`)) continue;
      ctx.report.error({
        rule: 'unconnected-port',
        path: entry.path,
        nodeId: entry.id,
        code,
        params: { node: entry.id, port: port.name, portLabel: port.label },
      });
    }
  }
};
