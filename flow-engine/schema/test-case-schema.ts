// JSON Schema fragments for the test cases a flow carries (the TestCase shape of test-case.ts).

import type { JsonSchema } from './json-schema';
import { languageTag, ref, text } from './schema-parts';

const endReasons = ['hangup', 'callerHangup', 'transferred', 'queued', 'error'];

const strictObject = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: false,
});

const mockTable = (mock: string): JsonSchema => ({
  type: 'object',
  description: 'Mocks keyed by node id.',
  additionalProperties: ref(mock),
});

/** $defs entries for test cases; the document refers to `#/$defs/testCase`. */
export const testCaseDefs: Record<string, JsonSchema> = {
  callerInput: {
    description: 'A string is DTMF ("" is silence), `say` is speech, `hangup` is the caller hanging up.',
    anyOf: [
      {
        type: 'string',
        pattern: '^[0-9*#]*$',
        maxLength: 64,
        patternErrorMessage: 'must be keys 0-9, * or # ("" for silence)',
      },
      strictObject({ say: text(500) }, ['say']),
      strictObject({ hangup: { const: true } }, ['hangup']),
    ],
  },
  httpMock: strictObject({
    status: { type: 'integer', minimum: 100, maximum: 599 },
    body: {},
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    timeout: { type: 'boolean' },
    networkError: { type: 'boolean' },
    delayMs: {
      type: 'number',
      minimum: 0,
      description: 'Milliseconds before the answer; at or past the node timeout the request times out.',
    },
  }),
  queueMock: strictObject(
    {
      outcome: { enum: ['answered', 'overflow', 'noAgents', 'callback'] },
      waitSeconds: { type: 'number', minimum: 0 },
      position: { type: 'integer', minimum: 0 },
    },
    ['outcome'],
  ),
  transferMock: strictObject({ outcome: { enum: ['answered', 'busy', 'noAnswer', 'failed'] } }, ['outcome']),
  callbackMock: strictObject({ outcome: { enum: ['scheduled', 'failed'] } }, ['outcome']),
  recordMock: strictObject({ seconds: { type: 'number', minimum: 0 } }, ['seconds']),
  testCase: strictObject(
    {
      name: text(200, 1),
      call: strictObject({
        caller: text(64),
        dialed: text(64),
        at: {
          type: 'string',
          format: 'date-time',
          description: 'ISO 8601 with offset, e.g. 2026-11-23T10:00:00+08:00',
        },
        language: languageTag,
      }),
      inputs: { type: 'array', items: ref('callerInput'), maxItems: 1000 },
      mocks: strictObject({
        http: mockTable('httpMock'),
        queue: { ...mockTable('queueMock'), description: 'Mocks keyed by node id or skill group key.' },
        transfer: mockTable('transferMock'),
        callback: mockTable('callbackMock'),
        record: mockTable('recordMock'),
      }),
      expect: strictObject({
        visits: { type: 'array', items: { type: 'string' }, description: 'Ordered subsequence of visited node ids.' },
        end: { type: 'string', description: 'Node id where the call ends.' },
        reason: { enum: endReasons },
        vars: { type: 'object' },
      }),
    },
    ['name', 'expect'],
  ),
};
