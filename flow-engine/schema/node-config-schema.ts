// Converts one node type's zod config schema into JSON Schema, keeping the admin-facing pattern messages.

import * as z from 'zod';
import type { NodeDefinition } from '../define-node';
import { prompt } from '../nodes/shared-config';
import type { JsonSchema } from './json-schema';

/** Config pieces many node types share; they are emitted once under $defs and referenced by name. */
const sharedConfigParts: Record<string, z.ZodType> = { prompt };

const toJsonSchema = (schema: z.ZodType, shared: boolean): JsonSchema =>
  z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    override(ctx) {
      if (shared) {
        const current: unknown = ctx.zodSchema;
        const name = Object.keys(sharedConfigParts).find((key) => sharedConfigParts[key] === current);
        if (name) {
          for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
          ctx.jsonSchema.$ref = `#/$defs/${name}`;
          return;
        }
      }
      for (const check of ctx.zodSchema._zod.def.checks ?? []) {
        const message = regexMessage(check);
        if (message) ctx.jsonSchema.patternErrorMessage = message;
      }
    },
  });

const withoutDialect = ({ $schema: _dialect, ...rest }: JsonSchema): JsonSchema => rest;

/** The zod message of a regex check, e.g. "must be one key: 0-9, * or #", when the node file wrote one. */
function regexMessage(check: z.core.$ZodCheck<never>): string | undefined {
  if (!(check instanceof z.core.$ZodCheckRegex)) return undefined;
  const errorMap = check._zod.def.error;
  if (!errorMap) return undefined;
  // The node files pass a fixed string, so the map ignores the issue it is given.
  const result = errorMap({ code: 'invalid_format', format: 'regex', input: '', path: [] } as never);
  if (typeof result === 'string') return result;
  return result?.message;
}

/**
 * JSON Schema (2020-12, input side: defaults optional) of a node type's `config`.
 * Shared pieces (prompts) become `$ref`s into sharedConfigDefs(). Regex messages from the zod schema become `patternErrorMessage` (understood by VS Code and by validate()).
 * @example
 * nodeConfigSchema(nodeDefinitions.menu).required; // ['prompt', 'options']
 */
export function nodeConfigSchema(definition: NodeDefinition): JsonSchema {
  // Embedded under $defs of the flow schema, so the per-schema dialect marker is dropped.
  const schema = withoutDialect(toJsonSchema(definition.config, true));
  return { title: `${definition.title} settings`, description: definition.description, ...schema };
}

/**
 * $defs entries for the shared config pieces that nodeConfigSchema() refers to (e.g. `#/$defs/prompt`).
 * @example
 * Object.keys(sharedConfigDefs()); // ['prompt']
 */
export function sharedConfigDefs(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(sharedConfigParts).map(([name, schema]) => [name, withoutDialect(toJsonSchema(schema, false))]),
  );
}
