// Rules subflow-cycle, subflow-depth, invalid-subflow and subflow-kind: subflows resolve to valid subflow documents
// that never call back and nest no deeper than compile() allows.

import { MAX_SUBFLOW_DEPTH } from '../../compile/limits';
import type { FlowDocument } from '../../document';
import { subflowKeyOf } from '../../resource-references';
import type { ResourceResolver } from '../../resources';
import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';
import type { ValidationResult } from '../validation-issue';

/** Subflow keys a (possibly malformed) document calls, read from its nodes whose config parses. */
function subflowKeys(doc: FlowDocument): string[] {
  const nodes: unknown[] = Array.isArray(doc.nodes) ? doc.nodes : [];
  return nodes.flatMap((node) => subflowKeyOf(node) ?? []);
}

class SubflowWalk {
  private readonly results = new Map<string, ValidationResult>();

  constructor(
    private readonly ctx: FlowContext,
    private readonly resolver: ResourceResolver,
    private readonly rootId: string | undefined,
  ) {}

  /**
   * Follow `key` depth-first from `entry`, reporting the first cycle, the first chain nested too deep, and every
   * invalid document on the way. `visited` holds the shallowest depth each key was reached at: a key is walked
   * again only when reached less deep, where its own subflows might still fit.
   */
  walk(entry: NodeEntry, key: string, chain: string[], visited: Map<string, number>): boolean {
    const doc = this.resolver.subflow(key);
    if (!doc) return false;
    const route = [...chain, key];
    if (doc.id === this.rootId || chain.includes(key)) {
      const names = [this.rootId ?? 'this flow', ...route].map((k) => `"${k}"`).join(' → ');
      this.ctx.report.error({
        rule: 'subflow-cycle',
        path: `${entry.path}/config/flow`,
        nodeId: entry.id,
        code: 'subflow-cycle',
        params: { node: entry.id, chain: names },
      });
      return true;
    }
    if (route.length > MAX_SUBFLOW_DEPTH) {
      const names = [this.rootId ?? 'this flow', ...route].map((k) => `"${k}"`).join(' → ');
      this.ctx.report.error({
        rule: 'subflow-depth',
        path: `${entry.path}/config/flow`,
        nodeId: entry.id,
        code: 'subflow-depth',
        params: { node: entry.id, depth: route.length, chain: names, max: MAX_SUBFLOW_DEPTH },
      });
      return true;
    }
    const seenAt = visited.get(key);
    if (seenAt !== undefined && seenAt <= route.length) return false;
    visited.set(key, route.length);
    if (seenAt === undefined) this.reportInvalid(entry, key, doc, chain);
    for (const next of subflowKeys(doc)) if (this.walk(entry, next, route, visited)) return true;
    return false;
  }

  private reportInvalid(entry: NodeEntry, key: string, doc: FlowDocument, chain: string[]): void {
    let result = this.results.get(key);
    if (!result) {
      result = this.ctx.validateSubflow(doc);
      this.results.set(key, result);
    }
    if (!result.valid) {
      const count = result.errors.length;
      this.ctx.report.error({
        rule: 'invalid-subflow',
        path: `${entry.path}/config/flow`,
        nodeId: entry.id,
        ...(chain.length > 0
          ? {
              code: 'invalid-subflow-nested',
              params: {
                node: entry.id,
                subflow: key,
                calledFrom: chain.map((k) => `"${k}"`).join(' → '),
                count,
                first: result.errors[0]!.message,
              },
            }
          : {
              code: 'invalid-subflow',
              params: { node: entry.id, subflow: key, count, first: result.errors[0]!.message },
            }),
      });
    }
    if (chain.length === 0 && doc.kind !== 'subflow') {
      this.ctx.report.warning({
        rule: 'subflow-kind',
        path: `${entry.path}/config/flow`,
        nodeId: entry.id,
        code: 'subflow-kind',
        params: { node: entry.id, subflow: key },
      });
    }
  }
}

export const checkSubflows: SemanticRule = (ctx) => {
  const resolver = ctx.options.resources;
  if (!resolver || !ctx.checkSubflows) return;
  const walk = new SubflowWalk(ctx, resolver, typeof ctx.doc.id === 'string' ? ctx.doc.id : undefined);
  for (const entry of ctx.nodes) {
    const key = entry.parsed?.refs.resources.find((r) => r.kind === 'subflow')?.key;
    if (key !== undefined) walk.walk(entry, key, [], new Map());
  }
};
