// Parsing CEL expressions: free identifiers, admin-readable errors with columns, and the parse cache.

import { describe, expect, it } from 'vitest';
import { isReservedName, parseExpression, type ExpressionError } from '../../../flow-engine/expression';

function identifiersOf(source: string): readonly string[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`expected ${source} to parse: ${parsed.error.message}`);
  return parsed.value.identifiers;
}

function errorOf(source: string): ExpressionError {
  const parsed = parseExpression(source);
  if (parsed.ok) throw new Error(`expected ${source} to be refused`);
  return parsed.error;
}

describe('identifiers', () => {
  it('lists the free root identifiers in order of first use', () => {
    expect(identifiersOf('tier == "vip" && call.caller.startsWith("+86")')).toEqual(['tier', 'call']);
  });

  it('lists a repeated identifier once', () => {
    expect(identifiersOf('attempts > 1 && attempts < 3')).toEqual(['attempts']);
  });

  it('does not count comprehension variables as free', () => {
    expect(identifiersOf('items.exists(x, x > limit)')).toEqual(['items', 'limit']);
    expect(identifiersOf('orders.map(o, o.id)')).toEqual(['orders']);
  });

  it('does not count cel.bind names or type names as free', () => {
    expect(identifiersOf('cel.bind(t, response.body.total, t > 10)')).toEqual(['response']);
    expect(identifiersOf('type(x) == int')).toEqual(['x']);
  });

  it('finds identifiers inside has(), lists, maps and ternaries', () => {
    expect(identifiersOf('has(crm.tier) ? [a, {"k": b}] : c')).toEqual(['crm', 'a', 'b', 'c']);
  });
});

describe('parse errors point at the 1-based column', () => {
  it('an unknown function is named', () => {
    expect(errorOf('1 + foo(2)')).toEqual({
      message: "Unknown function 'foo' at column 5.",
      column: 5,
      code: 'unknown-function',
    });
  });

  it('an unknown method points at the method name', () => {
    expect(errorOf('call.caller.beginsWith("+86")')).toMatchObject({
      message: "Unknown function 'beginsWith' at column 13.",
      column: 13,
    });
  });

  it('an unexpected character is shown', () => {
    expect(errorOf('tier === "vip"')).toMatchObject({ message: "Unexpected character '=' at column 8.", column: 8 });
  });

  it('an expression that stops early says so', () => {
    expect(errorOf('tier == ')).toMatchObject({ message: 'The expression ends too early at column 9.', column: 9 });
  });

  it('an unclosed quote is reported', () => {
    expect(errorOf('tier == "vip')).toMatchObject({
      message: 'A text in quotes is not closed at column 9.',
      code: 'syntax',
    });
  });

  it('adding text and a number is refused before the call ever runs', () => {
    expect(errorOf('"Order " + 1')).toMatchObject({
      message: "'+' cannot combine text and whole number at column 1.",
      code: 'type-mismatch',
    });
  });

  it('a function given the wrong kind of value is refused', () => {
    expect(errorOf('size(1)')).toMatchObject({ message: 'size() cannot be used with (whole number) at column 1.' });
  });

  it('has() without a field explains what it needs', () => {
    expect(errorOf('has(tier)').message).toBe('has() needs a field, e.g. has(response.body.tier) at column 5.');
  });

  it('an empty expression is refused', () => {
    expect(errorOf('   ')).toEqual({ message: 'The expression is empty at column 1.', column: 1, code: 'syntax' });
  });
});

describe('cache', () => {
  it('parsing the same source twice returns the same compiled expression', () => {
    const first = parseExpression('attempts < 3');
    const second = parseExpression('attempts < 3');
    expect(first.ok).toBe(true);
    expect(second.ok && second.value).toBe(first.ok && first.value);
  });

  it('a cached expression evaluates different scopes independently', () => {
    const parsed = parseExpression('tier == "vip" ? 9 : 0');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect([parsed.value.evaluate({ tier: 'vip' }), parsed.value.evaluate({ tier: 'x' })]).toEqual([9, 0]);
  });

  // Its speed is measured by `npm run bench` (bench/engine-extras.ts), not asserted here: no clocks in tests.
  it('a parsed expression evaluated 50,000 times gives the same answer every time', () => {
    const parsed = parseExpression('tier == "vip" && attempts < 3 && call.caller.startsWith("+86")');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const scope = {
      tier: 'vip',
      attempts: 2,
      call: { caller: '+8613800138000', dialed: '1', language: 'zh-CN', at: '' },
    };
    let trueCount = 0;
    for (let i = 0; i < 50_000; i++) if (parsed.value.evaluate(scope) === true) trueCount++;
    expect(trueCount).toBe(50_000);
  });
});

describe('reserved names', () => {
  it('CEL type names, keywords and prototype keys cannot be flow variable names', () => {
    expect(['string', 'int', 'map', 'cel', 'in', 'null', 'while', 'constructor'].filter(isReservedName)).toHaveLength(
      8,
    );
    expect(isReservedName('orderId')).toBe(false);
    expect(isReservedName('tier')).toBe(false);
  });
});
