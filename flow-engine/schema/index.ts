// The flow JSON Schema, built from the node registry (schemas/flow.schema.json is its checked-in output).

export { buildFlowSchema, serializeFlowSchema, configDefName, FLOW_SCHEMA_ID } from './build-flow-schema';
export { nodeConfigSchema, sharedConfigDefs } from './node-config-schema';
export { SAFE_ID_PATTERN, IDENTIFIER_PATTERN, LANGUAGE_TAG_PATTERN } from './schema-parts';
export type { JsonSchema } from './json-schema';
