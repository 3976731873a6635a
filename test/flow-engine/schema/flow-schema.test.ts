// The flow JSON Schema: generated from the node registry, checked in, and usable with plain ajv.

import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { nodeDefinitions, nodeTypes } from '../../../flow-engine/nodes/index';
import {
  buildFlowSchema,
  configDefName,
  FLOW_SCHEMA_ID,
  serializeFlowSchema,
  type JsonSchema,
} from '../../../flow-engine/schema/index';
import { flowValidatorCode } from '../../../scripts/flow-validator-code';

const checkedIn = readFileSync(new URL('../../../schemas/flow.schema.json', import.meta.url), 'utf8');
const schema = buildFlowSchema();
const defs = schema.$defs as Record<string, JsonSchema>;

const readFixture = (kind: string, name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/flows/${kind}/${name}.json`, import.meta.url), 'utf8'));

describe('flow schema', () => {
  it('the checked-in schemas/flow.schema.json is what the registry builds (run npm run schema:generate)', () => {
    expect(checkedIn).toBe(serializeFlowSchema());
  });

  it('the checked-in standalone validator is what schema:generate writes from that schema (run npm run schema:generate)', () => {
    const generated = readFileSync(
      new URL('../../../flow-engine/validate/generated/flow-schema-validate.generated.ts', import.meta.url),
      'utf8',
    );
    expect(generated).toBe(flowValidatorCode(checkedIn));
    // The browser must never compile code from text (a strict CSP forbids it).
    expect(generated).not.toMatch(/new Function|\beval\(/);
  });

  it('is a 2020-12 schema with $id and title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(FLOW_SCHEMA_ID);
    expect(schema.title).toBe('Callflow Studio flow');
  });

  it('has one config definition per registered node type, titled from the registry', () => {
    for (const type of nodeTypes) {
      expect(defs[configDefName(type)]?.title, type).toBe(`${nodeDefinitions[type].title} settings`);
    }
    const nodeType = (defs.node!.properties as Record<string, JsonSchema>).type;
    expect(nodeType).toEqual({ enum: nodeTypes });
  });

  it('keeps the node files’ pattern messages and shares the prompt shape', () => {
    const menu = defs['config.menu']!.properties as Record<string, JsonSchema>;
    const key = ((menu.options!.items as JsonSchema).properties as Record<string, JsonSchema>).key;
    expect(key).toMatchObject({ pattern: '^[0-9*#]$', patternErrorMessage: 'must be one key: 0-9, * or #' });
    expect(menu.prompt).toEqual({ $ref: '#/$defs/prompt' });
    expect((defs.prompt!.anyOf as unknown[]).length).toBe(3);
  });

  it('restricts node and edge ids to letters, digits, _ and - (at most 64)', () => {
    const nodeId = (defs.node!.properties as Record<string, JsonSchema>).id;
    const edgeId = (defs.edge!.properties as Record<string, JsonSchema>).id;
    expect(nodeId!.pattern).toBe('^[A-Za-z0-9_-]{1,64}$');
    expect(edgeId!.pattern).toBe('^[A-Za-z0-9_-]{1,64}$');
  });

  it('compiles in strict ajv and accepts a good flow and rejects a bad config', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv, ['date-time']);
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    const check = ajv.compile(JSON.parse(checkedIn));
    expect(check(readFixture('good', 'every-node-type'))).toBe(true);
    expect(check(readFixture('bad', 'menu-key-two-digits'))).toBe(false);
    expect(check.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/nodes/2/config/options/1/key', keyword: 'pattern' }),
    );
  });
});
