// Builds the whole-document JSON Schema (2020-12) of a flow from the node registry: the one source of truth.

import { nodeDefinitions, nodeTypes } from '../nodes/index';
import type { NodeDefinition } from '../define-node';
import type { JsonSchema } from './json-schema';
import { nodeConfigSchema, sharedConfigDefs } from './node-config-schema';
import { identifier, languageTag, ref, safeId, text } from './schema-parts';
import { testCaseDefs } from './test-case-schema';

export const FLOW_SCHEMA_ID = 'https://callflow.studio/schemas/flow.schema.json';

/** Name of the $defs entry holding a node type's config schema. */
export const configDefName = (type: string): string => `config.${type}`;

const variable: JsonSchema = {
  type: 'object',
  properties: {
    name: identifier,
    type: { enum: ['string', 'number', 'boolean', 'object'] },
    sensitive: { type: 'boolean', description: 'Masked in every trace, log and event.' },
    default: { description: 'Initial value; must match `type`.' },
    description: text(2000),
  },
  required: ['name', 'type'],
  additionalProperties: false,
};

const edge: JsonSchema = {
  type: 'object',
  properties: {
    id: safeId,
    source: safeId,
    port: { ...text(64, 1), description: "The source node's exit (React Flow's sourceHandle)." },
    target: safeId,
  },
  required: ['id', 'source', 'port', 'target'],
  additionalProperties: false,
};

const node: JsonSchema = {
  type: 'object',
  properties: {
    id: safeId,
    type: { enum: [...nodeTypes] },
    label: text(200),
    position: {
      type: 'object',
      properties: { x: { type: 'number' }, y: { type: 'number' } },
      required: ['x', 'y'],
      additionalProperties: false,
    },
    config: { type: 'object' },
    tags: { type: 'array', items: text(64, 1), uniqueItems: true, maxItems: 20 },
    description: text(2000),
    note: { ...text(2000), description: 'A sticky note the studio shows beside the node; documentation only.' },
  },
  required: ['id', 'type', 'position', 'config'],
  additionalProperties: false,
  // One if/then per type: ajv then reports only the config errors of the node's own type.
  allOf: nodeTypes.map((type) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: { properties: { config: ref(configDefName(type)) } },
  })),
};

/**
 * The JSON Schema of a flow document, derived from the node registry.
 * @example
 * const schema = buildFlowSchema();
 * schema.$id; // 'https://callflow.studio/schemas/flow.schema.json'
 */
export function buildFlowSchema(): JsonSchema {
  const configDefs = Object.fromEntries(
    nodeTypes.map((type) => [
      configDefName(type),
      nodeConfigSchema(nodeDefinitions[type] as unknown as NodeDefinition),
    ]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: FLOW_SCHEMA_ID,
    title: 'Callflow Studio flow',
    description: 'A call flow: nodes, the edges between their ports, variables and test cases.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'Lets editors find this schema.' },
      schemaVersion: { const: 1 },
      id: safeId,
      name: text(200, 1),
      description: text(2000),
      kind: { enum: ['flow', 'subflow'], default: 'flow' },
      languages: { type: 'array', items: languageTag, minItems: 1, uniqueItems: true },
      defaultLanguage: languageTag,
      variables: { type: 'array', items: ref('variable'), maxItems: 500 },
      nodes: { type: 'array', items: ref('node'), maxItems: 10000 },
      edges: { type: 'array', items: ref('edge'), maxItems: 50000 },
      tests: { type: 'array', items: ref('testCase'), maxItems: 1000 },
    },
    required: ['schemaVersion', 'id', 'name', 'languages', 'defaultLanguage', 'variables', 'nodes', 'edges'],
    additionalProperties: false,
    $defs: { variable, node, edge, ...testCaseDefs, ...sharedConfigDefs(), ...configDefs },
  };
}

/**
 * The checked-in text of schemas/flow.schema.json: pretty, stable key order, trailing newline.
 * @example
 * writeFileSync('schemas/flow.schema.json', serializeFlowSchema());
 */
export function serializeFlowSchema(): string {
  return `${JSON.stringify(buildFlowSchema(), null, 2)}\n`;
}
