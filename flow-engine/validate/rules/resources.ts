// Rule unknown-resource: every `{ "ref": … }` key is known to the environment's resolver (when one is given).

import type { ResourceKind } from '../../define-node';
import type { ResourceResolver } from '../../resources';
import type { SemanticRule } from '../flow-context';

const known = (resolver: ResourceResolver, kind: ResourceKind, key: string): boolean =>
  resolver[kind](key) !== undefined;

export const checkResources: SemanticRule = (ctx) => {
  const resolver = ctx.options.resources;
  if (!resolver) return;
  for (const entry of ctx.nodes) {
    for (const ref of entry.parsed?.refs.resources ?? []) {
      if (known(resolver, ref.kind, ref.key)) continue;
      ctx.report.error({
        rule: 'unknown-resource',
        path: `${entry.path}${ref.path}`,
        nodeId: entry.id,
        code: 'unknown-resource',
        params: { node: entry.id, kind: ref.kind, key: ref.key },
      });
    }
  }
};
