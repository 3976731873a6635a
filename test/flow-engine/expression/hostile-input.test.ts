// Hostile expressions and scopes are refused cleanly: no prototype access, no unbounded work, no crash.

import { describe, expect, it } from 'vitest';
import {
  parseExpression,
  parseTemplate,
  type CompiledExpression,
  type ExpressionError,
} from '../../../flow-engine/expression';

function compiled(source: string): CompiledExpression {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`expected ${source} to parse: ${parsed.error.message}`);
  return parsed.value;
}

function errorOf(source: string): ExpressionError {
  const parsed = parseExpression(source);
  if (parsed.ok) throw new Error(`expected ${source.slice(0, 60)} to be refused`);
  return parsed.error;
}

describe('prototype keys', () => {
  it('__proto__ as a name is a reserved word', () => {
    expect(errorOf('__proto__')).toMatchObject({
      message: "'__proto__' is a reserved word and cannot be used as a name at column 1.",
      code: 'forbidden-name',
    });
  });

  it('.constructor, ["prototype"] and .__proto__ on a scope object are refused at parse time', () => {
    expect(errorOf('crm.constructor')).toEqual({
      message: "The field name 'constructor' is not allowed at column 5.",
      column: 5,
      code: 'forbidden-name',
    });
    expect(errorOf('crm["prototype"]')).toMatchObject({ column: 5, code: 'forbidden-name' });
    expect(errorOf('crm.__proto__')).toMatchObject({ column: 5, code: 'forbidden-name' });
  });

  it('a computed key naming constructor finds no field', () => {
    const expression = compiled('crm[key]');
    expect(() => expression.evaluate({ crm: { tier: 'vip' }, key: 'constructor' })).toThrowError(
      "There is no field 'constructor' (use has(…) to check that a field exists before reading it) at column 1.",
    );
    expect(expression.evaluate({ crm: { tier: 'vip' }, key: 'tier' })).toBe('vip');
  });

  it('a root name that only exists on Object.prototype is an unknown variable', () => {
    expect(() => compiled('toString').evaluate({})).toThrowError("Unknown variable 'toString' at column 1.");
    expect(() => compiled('constructor').evaluate({ tier: 'vip' })).toThrowError(
      "Unknown variable 'constructor' at column 1.",
    );
  });

  it('a JSON body carrying __proto__ cannot reach or change Object.prototype', () => {
    const body: unknown = JSON.parse('{"__proto__": {"polluted": "yes"}, "tier": "vip"}');
    const expression = compiled('has(body.polluted)');
    expect(expression.evaluate({ body })).toBe(false);
    expect(compiled('body').evaluate({ body })).toEqual({ tier: 'vip' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a map literal with a __proto__ key does not give the result a prototype', () => {
    const result = compiled('{"__proto__": {"polluted": "yes"}, "a": 1}').evaluate({}) as Record<string, unknown>;
    expect(result).toEqual({ a: 1 });
    expect(result.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});

describe('size limits', () => {
  it('a 1 MB expression is refused at the length limit without parsing it', () => {
    expect(errorOf(`"${'x'.repeat(1_000_000)}"`)).toEqual({
      message: 'The expression is longer than 2000 characters at column 2001.',
      column: 2001,
      code: 'too-long',
    });
  });

  it('a 1 MB string variable is refused when read', () => {
    expect(() => compiled('note.size() > 0').evaluate({ note: 'x'.repeat(1_000_000) })).toThrowError(
      "Variable 'note' is too large for expressions (at most 10000 values and 100000 characters of text) at column 1.",
    );
  });

  it('a list of 5,000 elements in the scope is refused instead of iterated', () => {
    const crm = { orders: Array.from({ length: 5000 }, (_, i) => i) };
    expect(() => compiled('crm.orders.exists(o, o == 4999)').evaluate({ crm })).toThrowError(
      "Variable 'crm' holds a list or map with more than 1000 entries, which is too large for expressions at column 1.",
    );
  });

  it('a variable nested 100 levels deep is refused', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = { next: deep };
    expect(() => compiled('deep.next == null').evaluate({ deep })).toThrowError(/nested more than 64 levels deep/);
  });

  it('a function in the scope cannot be read', () => {
    expect(() => compiled('hook == null').evaluate({ hook: () => 1 })).toThrowError(
      "Variable 'hook' holds a function, which expressions cannot read at column 1.",
    );
  });
});

describe('deep nesting', () => {
  it('10,000 nested parentheses are refused without a stack overflow', () => {
    const source = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    expect(errorOf(source).code).toBe('too-long');
  });

  it('100 nested parentheses within the length limit are refused as too deep', () => {
    expect(errorOf(`${'('.repeat(100)}1${')'.repeat(100)}`)).toEqual({
      message: 'The expression is nested more than 64 levels deep at column 65.',
      column: 65,
      code: 'too-deep',
    });
  });

  it('1,000 chained negations are refused as too deep', () => {
    expect(errorOf(`${'!'.repeat(1000)}true`).code).toBe('too-deep');
  });

  it('a template hole with 10,000 nested parentheses is refused without a stack overflow', () => {
    const parsed = parseTemplate(`Hi {{ ${'('.repeat(5000)}1${')'.repeat(5000)} }}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ code: 'too-long', column: 2006 });
  });
});

describe('unbounded work', () => {
  it('a list function over an unrelated list inside another one is refused', () => {
    expect(errorOf('xs.all(a, ys.exists(b, a == b))')).toEqual({
      message:
        'exists() inside another list function may only go over a part of the outer item (e.g. o.items.exists(…)) at column 14.',
      column: 14,
      code: 'nested-list-functions',
    });
  });

  it('list functions nested three deep are refused', () => {
    expect(errorOf('xs.all(a, a.ys.all(b, b.zs.all(c, c > 0)))')).toMatchObject({
      message: 'List functions such as all() can be nested at most 2 deep at column 28.',
    });
  });

  it('a matches() pattern that repeats a repeating group is refused', () => {
    expect(errorOf('value.matches("(a+)+$")')).toEqual({
      message:
        'The pattern of matches() is refused: it repeats a group that itself repeats or has alternatives at column 15.',
      column: 15,
      code: 'unsafe-pattern',
    });
    expect(errorOf('value.matches("^(a|aa)*$")').code).toBe('unsafe-pattern');
  });

  it('back-references, many repetitions and patterns from variables are refused', () => {
    expect(errorOf('value.matches("(a)\\\\1")').message).toMatch(/back-references/);
    expect(errorOf('value.matches("a?a?a?a?a?a?a?a?a?a?a?aaaaaaaaaaa")').message).toMatch(/more than 10 repetitions/);
    expect(errorOf('value.matches(pattern)').message).toBe(
      'The pattern of matches() must be written as a text in quotes at column 7.',
    );
  });

  it('matches() refuses a text longer than 256 characters instead of backtracking over it', () => {
    const expression = compiled('value.matches(".*.*x")');
    expect(() => expression.evaluate({ value: 'a'.repeat(300) })).toThrowError(
      'matches() only checks texts of up to 256 characters, this one has 300 at column 1.',
    );
  });

  // How long it takes is measured by `npm run bench` (bench/engine-extras.ts), not asserted here: no clocks in tests.
  it('the worst accepted pattern on the longest accepted text is answered', () => {
    const expression = compiled('value.matches(".*.*x")');
    expect(expression.evaluate({ value: 'a'.repeat(256) })).toBe(false);
  });

  it('the internal name matches() is bound to cannot be called directly to skip the pattern check', () => {
    expect(errorOf('value.matchesWithinLimit("(a+)+$")')).toMatchObject({
      message: "Unknown function 'matchesWithinLimit' at column 7.",
      code: 'unknown-function',
    });
  });

  it('a pattern JavaScript cannot compile is refused at parse time', () => {
    expect(errorOf('value.matches("([0-9]")').message).toBe(
      'The pattern of matches() is refused: it is not a valid pattern at column 15.',
    );
  });
});

describe('unknown functions', () => {
  it('eval() and Function() do not exist', () => {
    expect(errorOf('eval("1 + 1")').message).toBe("Unknown function 'eval' at column 1.");
    expect(errorOf('Function("return 1")').code).toBe('unknown-function');
  });
});
