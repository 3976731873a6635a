// `{{variable}}` completion: what a node may read, which hole the caret is in, and how a pick closes it.

import { describe, expect, it } from 'vitest';
import { completeHole, openHoleAt, scopeNames } from '../../../../app/_components/form-kit/template/template-variables';
import { closestFieldPath } from '../../../../app/_components/inspector/focus-path';
import { wordAt } from '../../../../app/_components/form-kit/expression/word-at';

describe('scopeNames', () => {
  it('lists flow variables with their type, then call fields, then the node locals', () => {
    const names = scopeNames(
      {
        variables: [
          { name: 'orderId', type: 'string' },
          { name: 'pin', type: 'string', sensitive: true },
        ],
      },
      ['value'],
    );
    expect(names.map((n) => n.name)).toEqual([
      'orderId',
      'pin',
      'call.caller',
      'call.dialed',
      'call.language',
      'call.at',
      'value',
    ]);
    expect(names[1]).toEqual({ name: 'pin', kind: 'string', sensitive: true });
    expect(names.at(-1)).toEqual({ name: 'value', kind: 'local' });
  });
});

describe('openHoleAt', () => {
  it('finds the name typed after an unclosed {{', () => {
    expect(openHoleAt('Order {{ord', 11)).toEqual({ start: 8, typed: 'ord' });
    expect(openHoleAt('Hi {{ call.ca', 13)).toEqual({ start: 5, typed: 'call.ca' });
  });

  it('finds nothing after a closed hole, an escaped {{ or an expression', () => {
    expect(openHoleAt('Order {{orderId}} ', 18)).toBeNull();
    expect(openHoleAt('Literal \\{{x', 12)).toBeNull();
    expect(openHoleAt('{{a + ', 6)).toBeNull();
    expect(openHoleAt('no hole', 7)).toBeNull();
  });
});

describe('completeHole', () => {
  it('inserts the name and closes the hole, caret after it', () => {
    expect(completeHole('Order {{ord is ready', 11, 'orderId')).toEqual({
      text: 'Order {{orderId}} is ready',
      caret: 17,
    });
  });

  it('does not add a second }} when one follows the caret', () => {
    expect(completeHole('Order {{ord}}', 11, 'orderId')).toEqual({ text: 'Order {{orderId}}', caret: 17 });
  });
});

describe('closestFieldPath', () => {
  const fields = ['/config/prompt', '/config/options', '/config/options/0/key', '/config/options/1/key', '/label'];

  it('picks the deepest field that covers the problem path', () => {
    expect(closestFieldPath(fields, '/config/options/1/key')).toBe('/config/options/1/key');
    expect(closestFieldPath(fields, '/config/prompt/tts/en-US')).toBe('/config/prompt');
    expect(closestFieldPath(fields, '/config/options/2')).toBe('/config/options');
  });

  it('does not take a sibling with a common prefix', () => {
    expect(closestFieldPath(['/config/option'], '/config/options/0')).toBeNull();
  });
});

describe('wordAt (expression completion)', () => {
  it('finds the variable path typed at the caret', () => {
    expect(wordAt('tier == "vip" && att', 20)).toEqual({ start: 17, end: 20, text: 'att' });
    expect(wordAt('call.cal', 8)).toEqual({ start: 0, end: 8, text: 'call.cal' });
  });

  it('offers nothing inside a string or a number', () => {
    expect(wordAt('name == "ab', 11)).toBeNull();
    expect(wordAt('x > 12', 6)).toBeNull();
  });
});
