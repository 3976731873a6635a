// defineNode(): the one shape every node type is declared with; nodes/index.ts registers them all.

import type * as z from 'zod';
import type { FlowNode } from './document';
import type { Prompt } from './nodes/shared-config';
import type { NodeSummary } from './nodes/summary-messages';
import type { NodeBehaviour } from './compile/node-behaviour';
import type { NodeCompiler } from './compile/node-compiler';
import type { EffectName } from './driver/call-driver';
import type { SettingGroup } from './diff/caller-settings';
import type { MockTable } from './test-case';
import type { FlowContext, NodeEntry } from './validate/flow-context';

export type NodeCategory = 'interaction' | 'logic' | 'routing';

export type ResourceKind = 'schedule' | 'skillGroup' | 'integration' | 'subflow';

/** One exit of a node. An edge leaves one port; React Flow draws one handle per port. */
export interface PortSpec {
  name: string;
  label: string;
  /** The call may end here when the port is left unconnected (it then hangs up with a logged reason). */
  mayEnd?: boolean;
  /**
   * How a call that ends at this port (left unconnected, `mayEnd`) is reported when it is not a plain hang-up: an
   * answered queue or transfer ends as `queued` / `transferred` and needs no hangup of its own.
   */
  endsAs?: 'queued' | 'transferred';
}

/** A config list whose items name something that must be unique on the node (usually a port). */
export interface UniqueItems {
  /** The config list, e.g. `options`. */
  list: string;
  /** The field of each item that must be unique, e.g. `key`. */
  field: string;
  /** How the problem names the field: a `key` or a `name`. */
  what: 'key' | 'name';
  /** The field names a port, so it may not equal one of the node's built-in ports (`noInput`, `else`). */
  namesPort: boolean;
}

/** What a test case may mock for this node type (DESIGN §5): the `mocks` table that answers its effect. */
export interface NodeMocks<Config> {
  table: MockTable;
  /** A key a mock may use instead of the node id (a queue's skill group), and what such a key is called. */
  resourceKey?: { noun: string; of(config: Config): string | undefined };
  /**
   * Why a mock (`key` in this node's table, already matched to this node) cannot happen here, with the JSON
   * pointer inside the mock; e.g. a queue answered after its `maxWaitSeconds`.
   */
  contradiction?(
    mock: unknown,
    config: Config,
    at: { key: string; node: string },
  ): { path: string; message: string } | undefined;
}

/**
 * A check of one node's own settings that its config schema cannot express (a transfer target's syntax, credentials in
 * an HTTP node). validate() runs it in the place of its semantic rule (`rule`, as validate/rules/index.ts orders them).
 */
export interface NodeCheck<Config> {
  /** The group it runs in, e.g. `invalid-transfer-target`. */
  rule: string;
  check(config: Config, entry: NodeEntry, ctx: FlowContext): void;
}

/** Config templates whose filled-in value leaves the call: into a URL, or a number dialled (sensitive-sent-out). */
export interface SentOut {
  /** Where it goes, named in the warning. */
  target: 'url' | 'transfer' | 'callback';
  /** The template's JSON pointer on the node, e.g. `/config/url`. */
  matches(path: string): boolean;
}

/** What the caller-experience review between two versions (flow-engine/diff) looks at on this node type. */
export interface CallerReview {
  /** The port taken is the caller's own choice (a key, a spoken intent): key paths record it. */
  choice?: boolean;
  /** A caller can be sent here or is asked again here: a change of the keys that reach it is reported. */
  destination?: boolean;
  /** Config fields the review compares, by section (`routing`, `schedules`, `integrations`). */
  settings?: Partial<Record<SettingGroup, readonly string[]>>;
  /**
   * The keys the node offers the caller, read from its config as written (a draft may be invalid): each key, its
   * label, and whether pressing it replays the node.
   */
  keys?(config: unknown): { key: string; label?: string; repeat: boolean }[];
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
   * (so that a value computed from a sensitive variable is sensitive too); `sensitive` marks a value the caller
   * keys in that is masked everywhere (a sensitive collect), whatever the variable's declaration says.
   */
  writes: { path: string; name: string; from?: string[]; sensitive?: boolean }[];
  /** Languages the node switches the call to (a `set` node's `language`), checked against the flow's languages. */
  languages?: { path: string; language: string }[];
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
  /** Every effect compile() may invoke (compile refuses any other); the runtime times these. */
  effects: readonly EffectName[];
  /**
   * The node's writes run in order, each from the one expression its `from` names, and later ones read earlier
   * ones (a `set` node): validation evaluates literal-built values in that order to refuse ones too large.
   */
  assignsInOrder?: boolean;
  /** Config lists whose items must be unique on a node (menu keys, rule names). */
  uniqueItems?: readonly UniqueItems[];
  /** Checks of the node's own settings, run by validate() (see NodeCheck). */
  checks?: readonly NodeCheck<z.output<Schema>>[];
  /** Templates whose value leaves the call (warned about when they read a sensitive variable). */
  sendsOut?: SentOut;
  /** What a test case may mock; absent when the node's effect is not mocked. */
  mocks?: NodeMocks<z.output<Schema>>;
  callerReview?: CallerReview;
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
 *   ports: () => [{ name: 'next', label: 'Next', mayEnd: true }], effects: ['play'],
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
        languages: refs.languages,
        locals: refs.locals,
        waitsForCaller: refs.waitsForCaller,
      };
    },
  };
}
