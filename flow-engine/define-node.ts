// defineNode(): the one shape every node type is declared with; nodes/index.ts registers them all.

import type * as z from 'zod';
import type { FlowNode } from './document';
import type { Prompt } from './nodes/shared-config';
import type { NodeSummary } from './nodes/summary-messages';
import type { NodeBehaviour } from './compile/node-behaviour';
import type { NodeCompiler } from './compile/node-compiler';

export type NodeCategory = 'interaction' | 'logic' | 'routing';

export type ResourceKind = 'schedule' | 'skillGroup' | 'integration' | 'subflow';

/** One exit of a node. An edge leaves one port; React Flow draws one handle per port. */
export interface PortSpec {
  name: string;
  label: string;
  /** The call may end here when the port is left unconnected (it then hangs up with a logged reason). */
  mayEnd?: boolean;
}

/** What a node's config points at, so that validation and compile need no per-type knowledge. */
export interface NodeReferences {
  /** CEL expressions, with their JSON pointer relative to the node (e.g. `/config/rules/0/when`). */
  expressions: { path: string; source: string }[];
  /** `{{var}}` text templates (prompt text, say-as values, URLs, headers, bodies). */
  templates: { path: string; source: string }[];
  /** Prompts, checked for a rendering in every declared language. */
  prompts: { path: string; prompt: Prompt }[];
  /** Shared resources by stable key. */
  resources: { path: string; kind: ResourceKind; key: string }[];
  /**
   * Variables the node assigns; `from` lists the paths of the expressions or templates whose value is stored
   * (so that a value computed from a sensitive variable is sensitive too).
   */
  writes: { path: string; name: string; from?: string[] }[];
  /** Variables that expressions on this node may read besides the flow's own (e.g. `response`, `value`). */
  locals?: string[];
  /** The node asks the caller to choose (keys or speech): a loop through it cannot spin on its own. */
  waitsForCaller?: boolean;
}

export interface NodeDefinitionInput<Schema extends z.ZodType> {
  type: string;
  category: NodeCategory;
  /** Palette label, e.g. "Menu". */
  title: string;
  description: string;
  config: Schema;
  /** The ports this node has for the given config (menus have one per key). */
  ports(config: z.output<Schema>): PortSpec[];
  /** One line that the canvas shows on the node (`summaryText` gives its English). */
  summary(config: z.output<Schema>): NodeSummary;
  references(config: z.output<Schema>): Partial<NodeReferences>;
  /** How a call runs this node: a synchronous port choice, effects to invoke, or a subflow to inline. */
  compile(config: z.output<Schema>, compiler: NodeCompiler): NodeBehaviour;
}

export interface NodeDefinition<Schema extends z.ZodType = z.ZodType> extends NodeDefinitionInput<Schema> {
  /** Parse a node's raw config, applying defaults; throws a ZodError when invalid. */
  parseConfig(node: FlowNode): z.output<Schema>;
  references(config: z.output<Schema>): NodeReferences;
}

/**
 * Declare a node type.
 * @example
 * export const play = defineNode({ type: 'play', category: 'interaction', title: 'Play',
 *   description: 'Plays a prompt', config: z.strictObject({ prompt }),
 *   ports: () => [{ name: 'next', label: 'Next', mayEnd: true }],
 *   summary: (c) => promptSummary(c.prompt), references: (c) => promptRefs('/config/prompt', c.prompt),
 *   compile: (c, compiler) => { const p = compiler.prompt(c.prompt, '/config/prompt');
 *     return { kind: 'effects', steps: [effectStep({ effect: 'play',
 *       request: (call) => ({ node: call.node, prompt: p.render(call), bargeIn: false }), result: () => 'next' })] }; } });
 */
export function defineNode<Schema extends z.ZodType>(input: NodeDefinitionInput<Schema>): NodeDefinition<Schema> {
  return {
    ...input,
    parseConfig: (node) => input.config.parse(node.config ?? {}),
    references(config) {
      const refs = input.references(config);
      return {
        expressions: refs.expressions ?? [],
        templates: refs.templates ?? [],
        prompts: refs.prompts ?? [],
        resources: refs.resources ?? [],
        writes: refs.writes ?? [],
        locals: refs.locals,
        waitsForCaller: refs.waitsForCaller,
      };
    },
  };
}
