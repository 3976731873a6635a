// Input schemas shared by the flow procedures: the minimal document shape and the size limit.

import * as z from 'zod';
import type { FlowDocument } from '../../../flow-engine/document';
import type { TestCase } from '../../../flow-engine/test-case';

/** The largest flow document accepted (import, saveDraft), in bytes of JSON. */
export const maxFlowBytes = 2 * 1024 * 1024;

export const flowName = z
  .string()
  .trim()
  .min(1, 'The name cannot be empty.')
  .max(200, 'The name can have at most 200 characters.');

/**
 * Just enough shape to store a draft: drafts may be half-finished, so the full checks run in validate()
 * and come back as the save's validation result instead of refusing the save.
 */
const draftShape = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string(),
  name: flowName,
  languages: z.array(z.string()),
  defaultLanguage: z.string(),
  variables: z.array(z.unknown()),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
  tests: z.array(z.unknown()).optional(),
});

// The schemas check only the loose shape above, but callers should be typed with the real document: a loose
// object schema's type has an index signature that the FlowDocument and TestCase interfaces lack.
export const draftDocument = draftShape as unknown as z.ZodType<FlowDocument>;

export const testCases = z.array(z.looseObject({ name: z.string().min(1).max(200) })).max(500) as unknown as z.ZodType<
  TestCase[]
>;

/** Size of a value as JSON text in bytes. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

export function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
