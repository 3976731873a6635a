// What the semantic rules read: the well-formed parts of a flow, with each node's parsed config, ports and references.

import * as z from 'zod';
import type { NodeDefinition, NodeReferences, PortSpec } from '../define-node';
import type { FlowEdge, FlowNode, VariableDeclaration } from '../document';
import { getNodeDefinition } from '../nodes/index';
import { parseNodeConfig } from '../compile/parsed-config';
import type { TestCase } from '../test-case';
import { describeTokens } from './describe-path';
import type { IssueCollector } from './issue-collector';
import { pointer, tokensOf } from './json-pointer';
import type { ValidateOptions, ValidationResult } from './validation-issue';

export interface ParsedNode {
  /** The config after zod parsing (defaults applied). */
  config: unknown;
  ports: PortSpec[];
  refs: NodeReferences;
}

export interface NodeEntry {
  index: number;
  /** JSON pointer of the node, e.g. `/nodes/3`. */
  path: string;
  id: string;
  node: FlowNode;
  definition: NodeDefinition | undefined;
  /** Present only when the node passed the JSON Schema and its config parsed. */
  parsed?: ParsedNode;
}

export interface Entry<T> {
  index: number;
  path: string;
  value: T;
}

export interface FlowContext {
  doc: Record<string, unknown>;
  nodes: NodeEntry[];
  /** First node with each id (duplicates are reported by their own rule). */
  nodesById: Map<string, NodeEntry>;
  edges: Entry<FlowEdge>[];
  variables: Entry<VariableDeclaration>[];
  variablesByName: Map<string, VariableDeclaration>;
  languages: string[];
  tests: Entry<TestCase>[];
  options: ValidateOptions;
  /** Check subflow documents (off while validating a subflow on behalf of its parent). */
  checkSubflows: boolean;
  /** Validates a subflow document with the same resources (without following its own subflows). */
  validateSubflow: (doc: unknown) => ValidationResult;
  report: IssueCollector;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const arrayField = (doc: Record<string, unknown>, field: string): unknown[] => {
  const value = doc[field];
  return Array.isArray(value) ? value : [];
};

/** Node config problems the JSON Schema cannot express (zod refinements such as minDigits ≤ maxDigits). */
function reportConfigError(entry: NodeEntry, error: z.ZodError, report: IssueCollector): void {
  for (const issue of error.issues) {
    const path = pointer(`${entry.path}/config`, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    const last = issue.path[issue.path.length - 1];
    // Refinement messages usually name their field already ("minDigits must not exceed maxDigits").
    const named = typeof last === 'string' && issue.message.includes(last);
    const where = named ? '' : describeTokens(tokensOf(path).slice(2));
    report.error({
      rule: 'node-config',
      ...(where
        ? { code: 'node-config', params: { node: entry.id, field: where, detail: issue.message } }
        : { code: 'node-config-named', params: { node: entry.id, detail: issue.message } }),
      path,
      nodeId: entry.id,
    });
  }
}

function nodeEntry(raw: unknown, index: number, schemaFailed: boolean, report: IssueCollector): NodeEntry | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.type !== 'string') return undefined;
  const node = raw as unknown as FlowNode;
  const definition = getNodeDefinition(node.type);
  const entry: NodeEntry = { index, path: `/nodes/${index}`, id: node.id, node, definition };
  if (!definition || schemaFailed) return entry;
  try {
    const config = parseNodeConfig(definition, node);
    entry.parsed = { config, ports: definition.ports(config), refs: definition.references(config) };
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    reportConfigError(entry, error, report);
  }
  return entry;
}

/** Indexes of list items with JSON Schema errors, by list (`nodes`, `tests`, …). */
export type FailedItems = ReadonlyMap<string, ReadonlySet<number>>;

/**
 * Index the well-formed parts of a document. Nodes with JSON Schema errors keep their id and type but
 * their config is not parsed, so rules that need ports or references skip them; failed tests are left out.
 */
export function buildContext(
  doc: Record<string, unknown>,
  failed: FailedItems,
  options: ValidateOptions,
  checkSubflows: boolean,
  validateSubflow: (doc: unknown) => ValidationResult,
  report: IssueCollector,
): FlowContext {
  const failedNodes = failed.get('nodes') ?? new Set<number>();
  const failedTests = failed.get('tests') ?? new Set<number>();
  const nodes: NodeEntry[] = [];
  arrayField(doc, 'nodes').forEach((raw, index) => {
    const entry = nodeEntry(raw, index, failedNodes.has(index), report);
    if (entry) nodes.push(entry);
  });
  const nodesById = new Map<string, NodeEntry>();
  for (const entry of nodes) if (!nodesById.has(entry.id)) nodesById.set(entry.id, entry);

  const edges: Entry<FlowEdge>[] = [];
  arrayField(doc, 'edges').forEach((raw, index) => {
    if (isRecord(raw) && ['id', 'source', 'port', 'target'].every((k) => typeof raw[k] === 'string')) {
      edges.push({ index, path: `/edges/${index}`, value: raw as unknown as FlowEdge });
    }
  });

  const variables: Entry<VariableDeclaration>[] = [];
  arrayField(doc, 'variables').forEach((raw, index) => {
    if (isRecord(raw) && typeof raw.name === 'string') {
      variables.push({ index, path: `/variables/${index}`, value: raw as unknown as VariableDeclaration });
    }
  });
  const variablesByName = new Map<string, VariableDeclaration>();
  for (const v of variables) if (!variablesByName.has(v.value.name)) variablesByName.set(v.value.name, v.value);

  const tests: Entry<TestCase>[] = [];
  arrayField(doc, 'tests').forEach((raw, index) => {
    if (isRecord(raw) && !failedTests.has(index))
      tests.push({ index, path: `/tests/${index}`, value: raw as unknown as TestCase });
  });

  const languages = arrayField(doc, 'languages').filter((l): l is string => typeof l === 'string');
  return {
    doc,
    nodes,
    nodesById,
    edges,
    variables,
    variablesByName,
    languages,
    tests,
    options,
    checkSubflows,
    validateSubflow,
    report,
  };
}

/** One semantic check: reads the context and reports through `ctx.report`. */
export type SemanticRule = (ctx: FlowContext) => void;
