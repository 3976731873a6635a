// The checks node types declare on their own settings (`checks` in defineNode), run as one semantic rule each: the
// rule list (index.ts) places them, and each node type's file holds what is checked.

import type { SemanticRule } from '../flow-context';

/** The semantic rule that runs every node's declared checks of the group `rule`, nodes in document order. */
export function nodeChecks(rule: string): SemanticRule {
  return (ctx) => {
    for (const entry of ctx.nodes) {
      if (!entry.parsed) continue;
      for (const check of entry.definition?.checks ?? [])
        if (check.rule === rule) check.check(entry.parsed.config, entry, ctx);
    }
  };
}
