// Which variables hold sensitive data: those declared sensitive, those a sensitive collect fills, and every
// variable computed from one of them (a `set`, an HTTP output) in the flow or in any subflow it calls.

import type { NodeReferences } from '../define-node';
import type { FlowDocument, FlowNode } from '../document';
import { parseExpression, parseTemplate } from '../expression';
import { getNodeDefinition } from '../nodes/index';
import type { ResourceResolver } from '../resources';
import { parseNodeConfig } from './parsed-config';

/** A node's parsed config and references, or undefined for a node whose config does not parse. */
function referencesOf(node: FlowNode): { config: unknown; refs: NodeReferences } | undefined {
  const definition = typeof node?.type === 'string' ? getNodeDefinition(node.type) : undefined;
  if (!definition) return undefined;
  try {
    const config = parseNodeConfig(definition, node);
    return { config, refs: definition.references(config) };
  } catch {
    return undefined;
  }
}

const nodesOf = (flow: FlowDocument): FlowNode[] => (Array.isArray(flow?.nodes) ? flow.nodes : []);

/**
 * The identifiers an expression or template (by its path on the node) reads; empty when it does not parse.
 * @example
 * identifiersAt(refs, '/config/assignments/0/value') // ['card']
 */
export function identifiersAt(refs: NodeReferences, path: string): readonly string[] {
  const expression = refs.expressions.find((e) => e.path === path);
  if (expression) {
    const parsed = parseExpression(expression.source);
    return parsed.ok ? parsed.value.identifiers : [];
  }
  const template = refs.templates.find((t) => t.path === path);
  if (template) {
    const parsed = parseTemplate(template.source);
    return parsed.ok ? parsed.value.identifiers : [];
  }
  return [];
}

/**
 * The flow and every subflow it calls, directly or through other subflows (each once).
 * @example
 * flowsOf(flow, resolver).map((f) => f.id) // ['bank-card-services', 'identify-caller']
 */
export function flowsOf(flow: FlowDocument, resources: ResourceResolver): FlowDocument[] {
  const out = [flow];
  const seen = new Set<string>();
  // for…of visits the subflows pushed while it runs (an array iterator reads the length at each step).
  for (const current of out) {
    for (const node of nodesOf(current)) {
      for (const ref of referencesOf(node)?.refs.resources ?? []) {
        if (ref.kind !== 'subflow' || seen.has(ref.key)) continue;
        seen.add(ref.key);
        const sub = resources.subflow(ref.key);
        if (sub) out.push(sub);
      }
    }
  }
  return out;
}

/**
 * The names of every variable that holds sensitive data, following the data: a variable written from an
 * expression that reads a sensitive one is sensitive too (to a fixed point, across the flows given, which
 * share one set of call variables). Answers from outside (an HTTP response) are not: a CRM's `last4` is
 * the designer's to read back.
 * @example
 * taintedVariables([flow]) // Set { 'card', 'cardCopy', 'last4' } for set cardCopy = card, last4 = cardCopy.substring(12)
 */
export function taintedVariables(flows: readonly FlowDocument[]): Set<string> {
  const tainted = new Set<string>();
  const flowsFrom: { name: string; reads: readonly string[] }[] = [];
  for (const flow of flows) {
    for (const v of Array.isArray(flow?.variables) ? flow.variables : [])
      if (v?.sensitive === true && typeof v.name === 'string') tainted.add(v.name);
    for (const node of nodesOf(flow)) {
      const parsed = referencesOf(node);
      if (!parsed) continue;
      for (const write of parsed.refs.writes) {
        if (write.sensitive) tainted.add(write.name);
        const reads = (write.from ?? []).flatMap((path) => identifiersAt(parsed.refs, path));
        if (reads.length > 0) flowsFrom.push({ name: write.name, reads });
      }
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const { name, reads } of flowsFrom) {
      if (tainted.has(name) || !reads.some((r) => tainted.has(r))) continue;
      tainted.add(name);
      changed = true;
    }
  }
  return tainted;
}
