// The flow document: the JSON shape that the studio edits, the validator checks and compile() runs.
// See DESIGN.md §3. Node config shapes live with each node type in nodes/.

import type { TestCase } from './test-case';

export type LanguageTag = string;

export type VariableType = 'string' | 'number' | 'boolean' | 'object';

export interface VariableDeclaration {
  name: string;
  type: VariableType;
  /** Masked in every trace, log and event. */
  sensitive?: boolean;
  /** Initial value; must match `type`. */
  default?: unknown;
  description?: string;
}

export interface Position {
  x: number;
  y: number;
}

export interface FlowNode<Config = Record<string, unknown>> {
  id: string;
  type: string;
  label?: string;
  position: Position;
  config: Config;
  /** Reporting tags, e.g. `billing`, `self-service-success`; they survive a restructured graph. */
  tags?: string[];
  description?: string;
  /** A sticky note the studio shows beside the node; documentation only, never compiled or validated beyond its length. */
  note?: string;
}

export interface FlowEdge {
  id: string;
  source: string;
  /** The source node's exit (React Flow's `sourceHandle`). */
  port: string;
  target: string;
}

export interface FlowDocument {
  schemaVersion: 1;
  id: string;
  name: string;
  description?: string;
  /** `flow` is answered on a line; `subflow` is only called from other flows and returns to them. */
  kind?: 'flow' | 'subflow';
  languages: LanguageTag[];
  defaultLanguage: LanguageTag;
  variables: VariableDeclaration[];
  nodes: FlowNode[];
  edges: FlowEdge[];
  tests?: TestCase[];
}

/** A reference to a shared resource by stable key (never a database id). */
export interface ResourceRef {
  ref: string;
}

export function isResourceRef(value: unknown): value is ResourceRef {
  return typeof value === 'object' && value !== null && typeof (value as ResourceRef).ref === 'string';
}
