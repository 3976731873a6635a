// Evaluating CEL expressions against flow scopes: JS values in, plain JS out.

import { describe, expect, it } from 'vitest';
import { parseExpression, type CompiledExpression } from '../../../flow-engine/expression';

function compiled(source: string): CompiledExpression {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`expected ${source} to parse: ${parsed.error.message}`);
  return parsed.value;
}

const evaluate = (source: string, scope: Record<string, unknown> = {}) => compiled(source).evaluate(scope);

describe('JS numbers meet CEL int literals', () => {
  it('attempts < 3 is true when attempts is the JS number 2', () => {
    expect(evaluate('attempts < 3', { attempts: 2 })).toBe(true);
    expect(evaluate('attempts < 3', { attempts: 3 })).toBe(false);
  });

  it('response.status == 200 compares a JSON status with an int literal', () => {
    const response = { status: 200, body: { tier: 'vip' }, headers: {} };
    expect(evaluate('response.status == 200', { response })).toBe(true);
    expect(evaluate('response.status != 200', { response })).toBe(false);
  });

  it('size(crm.orders) > 2 counts a JSON array', () => {
    expect(evaluate('size(crm.orders) > 2', { crm: { orders: [{ id: 1 }, { id: 2 }, { id: 3 }] } })).toBe(true);
    expect(evaluate('size(crm.orders) > 2', { crm: { orders: [] } })).toBe(false);
  });

  it('tier == "vip" && attempts < 3 combines a string and a number test', () => {
    expect(evaluate('tier == "vip" && attempts < 3', { tier: 'vip', attempts: 1 })).toBe(true);
    expect(evaluate('tier == "vip" && attempts < 3', { tier: 'gold', attempts: 1 })).toBe(false);
  });

  it('the ternary tier == "vip" ? 9 : 0 returns a plain JS number', () => {
    expect(evaluate('tier == "vip" ? 9 : 0', { tier: 'vip' })).toBe(9);
    expect(evaluate('tier == "vip" ? 9 : 0', { tier: 'basic' })).toBe(0);
  });

  it('whole and decimal numbers mix in arithmetic', () => {
    expect(evaluate('price * 1.5', { price: 10 })).toBe(15);
    expect(evaluate('amount + 1', { amount: 2.5 })).toBe(3.5);
    expect(evaluate('amount == 2', { amount: 2.0 })).toBe(true);
  });

  it('dividing whole numbers gives a whole number, as CEL defines', () => {
    expect(evaluate('total / 2', { total: 7 })).toBe(3);
    expect(evaluate('double(total) / 2', { total: 7 })).toBe(3.5);
  });
});

describe('strings and the call variable', () => {
  const call = { caller: '+8613800138000', dialed: '4008001234', language: 'zh-CN', at: '2026-11-23T10:00:00+08:00' };

  it('call.caller.startsWith("+86") reads the built-in call variable', () => {
    expect(evaluate('call.caller.startsWith("+86")', { call })).toBe(true);
    expect(evaluate('call.caller.startsWith("+1")', { call })).toBe(false);
  });

  it('string functions work on collected digits', () => {
    expect(evaluate('value.size() == 6 && value.endsWith("#") == false', { value: '123456' })).toBe(true);
    expect(evaluate('value.substring(0, 3)', { value: '123456' })).toBe('123');
    expect(evaluate('value.contains("34")', { value: '123456' })).toBe(true);
    expect(evaluate('value.matches("^[0-9]{6}$")', { value: '123456' })).toBe(true);
    expect(evaluate('name.upperAscii() + "!"', { name: 'ann' })).toBe('ANN!');
  });

  it('the call time can be read in a time zone', () => {
    expect(evaluate('timestamp(call.at).getHours("Asia/Shanghai")', { call })).toBe(10);
  });
});

describe('null, missing fields and has()', () => {
  it('a null variable compares equal to null', () => {
    expect(evaluate('tier == null', { tier: null })).toBe(true);
    expect(evaluate('tier == null', { tier: 'vip' })).toBe(false);
  });

  it('an undefined variable value behaves like null', () => {
    expect(evaluate('tier == null', { tier: undefined })).toBe(true);
  });

  it('has(response.body.tier) is false when the body lacks tier, true when it has it', () => {
    expect(evaluate('has(response.body.tier)', { response: { status: 200, body: {} } })).toBe(false);
    expect(
      evaluate('has(response.body.tier) && response.body.tier == "vip"', { response: { body: { tier: 'vip' } } }),
    ).toBe(true);
  });

  it('reading a missing field is an evaluation error that points at the field', () => {
    const expression = compiled('response.body.tier == "vip"');
    expect(() => expression.evaluate({ response: { status: 200, body: {} } })).toThrowError(
      "There is no field 'tier' (use has(…) to check that a field exists before reading it) at column 15.",
    );
  });
});

describe('results come back as plain JS', () => {
  it('lists and maps built by the expression become arrays and plain objects with numbers', () => {
    expect(evaluate('{"ids": [1, 2], "name": n, "ok": true, "none": null}', { n: 'x' })).toEqual({
      ids: [1, 2],
      name: 'x',
      ok: true,
      none: null,
    });
  });

  it('list functions map and filter JSON data', () => {
    const crm = {
      orders: [
        { id: 'A', total: 30 },
        { id: 'B', total: 120 },
      ],
    };
    expect(evaluate('crm.orders.filter(o, o.total > 100).map(o, o.id)', { crm })).toEqual(['B']);
    expect(evaluate('crm.orders.exists(o, o.total > 100)', { crm })).toBe(true);
    expect(evaluate('crm.orders.all(o, o.total > 100)', { crm })).toBe(false);
  });

  it('a nested list function over the outer item is allowed', () => {
    const crm = { orders: [{ items: [{ sku: 'x1' }] }, { items: [{ sku: 'y9' }, { sku: 'z2' }] }] };
    expect(evaluate('crm.orders.exists(o, o.items.exists(i, i.sku == "z2"))', { crm })).toBe(true);
  });

  it('a timestamp result becomes an ISO string', () => {
    expect(evaluate('timestamp("2026-11-23T02:00:00Z")')).toBe('2026-11-23T02:00:00.000Z');
  });
});

describe('evaluation errors', () => {
  it('an identifier missing from the scope is named, with its column', () => {
    const expression = compiled('tier == "vip" && attemps < 3');
    try {
      expression.evaluate({ tier: 'vip', attempts: 1 });
      expect.unreachable('evaluate should throw');
    } catch (error) {
      expect(error).toMatchObject({
        name: 'ExpressionEvaluationError',
        code: 'unknown-variable',
        column: 18,
        message: "Unknown variable 'attemps' at column 18.",
      });
    }
  });

  it('division by zero is reported as a sentence', () => {
    expect(() => evaluate('10 / n', { n: 0 })).toThrowError('Division by zero at column 1.');
  });

  it('a ternary whose condition is not true/false is refused', () => {
    expect(() => evaluate('tier ? 1 : 2', { tier: 'vip' })).toThrowError(
      "The condition before '?' must be true or false, not text at column 1.",
    );
  });
});
