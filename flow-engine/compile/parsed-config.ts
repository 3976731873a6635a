// A node's parsed config, shared between validate() and compile() of the same document (each parse is a zod run).

import type { NodeDefinition } from '../define-node';
import type { FlowNode } from '../document';

interface ParsedEntry {
  definition: NodeDefinition;
  config: unknown;
}

/*
 * Keyed by the node's config object: `callflow compile` and publishing validate a document and then compile
 * the very same objects, and the second zod run over every node would repeat the first. A document is a value
 * — the editor and JSON.parse make new objects for every change — so an object seen again holds the same
 * config. Weak keys: an entry goes with its document.
 */
const parsed = new WeakMap<object, ParsedEntry>();

/**
 * `definition.parseConfig(node)`, remembered per config object; throws the ZodError of an invalid config
 * (never cached, so the error is reported again on the next call).
 * @example
 * const config = parseNodeConfig(getNodeDefinition('menu')!, node); // defaults applied
 */
export function parseNodeConfig(definition: NodeDefinition, node: FlowNode): unknown {
  const key = node.config;
  if (typeof key !== 'object' || key === null) return definition.parseConfig(node);
  const hit = parsed.get(key);
  if (hit && hit.definition === definition) return hit.config;
  const config = definition.parseConfig(node);
  parsed.set(key, { definition, config });
  return config;
}
