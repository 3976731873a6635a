// The variables a node needs but the flow lacks, with the type to declare them with, from live validation's problems.

import { describe, expect, test } from 'vitest';
import { validate } from '../../../../flow-engine/validate';
import {
  missingVariables,
  typeOfExpression,
  withDeclared,
} from '../../../../app/_components/inspector/variables/missing-variables';
import { flow, node, tts } from '../../../flow-engine/support/build-flow';

const errorsOf = (doc: ReturnType<typeof flow>) => validate(doc).errors;

describe('missing variables of a node', () => {
  test('a collect storing into an undeclared variable offers it as text; a prompt reading it offers it once', () => {
    const doc = flow(
      [
        node('ask', 'collect', { prompt: tts('Your order number'), variable: 'orderId', minDigits: 4, maxDigits: 12 }),
        node('say', 'play', { prompt: tts('Order {{orderId}} is {{orderState}}') }),
        node('bye', 'hangup'),
      ],
      ['start:next->ask', 'ask:ok->say', 'ask:invalid->bye', 'ask:noInput->bye', 'say:next->bye'],
    );
    const errors = errorsOf(doc);
    expect(missingVariables(doc, 'ask', errors)).toEqual([{ name: 'orderId', type: 'string' }]);
    expect(missingVariables(doc, 'say', errors)).toEqual([
      { name: 'orderId', type: 'string' },
      { name: 'orderState', type: 'string' },
    ]);
  });

  test('set and http outputs take the type of the value they compute', () => {
    const doc = flow(
      [
        node('calc', 'set', {
          assignments: [
            { variable: 'tries', value: '3' },
            { variable: 'isVip', value: 'call.caller == "+8613800138000"' },
            { variable: 'greeting', value: '"hello"' },
          ],
        }),
        node('crm', 'http', {
          url: 'https://crm.example.com/x',
          outputs: [
            { variable: 'customer', value: 'response.body' },
            { variable: 'code', value: 'response.status' },
          ],
        }),
        node('bye', 'hangup'),
      ],
      ['start:next->calc', 'calc:next->crm', 'crm:ok->bye', 'crm:error->bye', 'crm:timeout->bye'],
    );
    const errors = errorsOf(doc);
    expect(missingVariables(doc, 'calc', errors)).toEqual([
      { name: 'tries', type: 'number' },
      { name: 'isVip', type: 'boolean' },
      { name: 'greeting', type: 'string' },
    ]);
    expect(missingVariables(doc, 'crm', errors)).toEqual([
      { name: 'customer', type: 'object' },
      { name: 'code', type: 'number' },
    ]);
  });

  test('declaring adds each name once and keeps the declared ones', () => {
    const declared = withDeclared(
      [{ name: 'a', type: 'number' }],
      [
        { name: 'a', type: 'string' },
        { name: 'orderId', type: 'string' },
      ],
    );
    expect(declared).toEqual([
      { name: 'a', type: 'number' },
      { name: 'orderId', type: 'string' },
    ]);
  });

  test('expression types: literals, comparisons and functions', () => {
    expect(typeOfExpression('-2.5')).toBe('number');
    expect(typeOfExpression('true')).toBe('boolean');
    expect(typeOfExpression('x > 3 && y')).toBe('boolean');
    expect(typeOfExpression('!done')).toBe('boolean');
    expect(typeOfExpression('[1, 2]')).toBe('object');
    expect(typeOfExpression('size(name)')).toBe('number');
    expect(typeOfExpression('response.body.name')).toBe('string');
  });
});
