// The condition rule builder ↔ CEL: what the builder writes, what it reads back, and what it leaves to expression mode.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  celToRuleGroup,
  parseRuleValue,
  ruleGroupToCel,
  ruleOperators,
  type RuleCheck,
  type RuleGroup,
} from '../../../../../app/_components/nodes/condition/rule-builder-model';
import { parseExpression } from '../../../../../flow-engine/expression';

describe('ruleGroupToCel', () => {
  it('joins all-checks with && and quotes text values', () => {
    const group: RuleGroup = {
      combinator: 'all',
      checks: [
        { variable: 'tier', operator: '==', value: 'vip' },
        { variable: 'attempts', operator: '<', value: 3 },
      ],
    };
    expect(ruleGroupToCel(group)).toBe('tier == "vip" && attempts < 3');
  });

  it('joins any-checks with || and writes text operators as method calls on field paths', () => {
    const group: RuleGroup = {
      combinator: 'any',
      checks: [
        { variable: 'call.caller', operator: 'startsWith', value: '+86' },
        { variable: 'crm.vip', operator: '==', value: true },
      ],
    };
    expect(ruleGroupToCel(group)).toBe('call.caller.startsWith("+86") || crm.vip == true');
  });

  it('escapes quotes, backslashes and new lines inside text values', () => {
    const cel = ruleGroupToCel({
      combinator: 'all',
      checks: [{ variable: 'note', operator: '==', value: 'say "hi"\\\n' }],
    });
    expect(cel).toBe('note == "say \\"hi\\"\\\\\\n"');
    expect(parseExpression(cel).ok).toBe(true);
  });

  it('writes an empty group as empty text (an unfinished rule), never as an always-true `true`', () => {
    expect(ruleGroupToCel({ combinator: 'any', checks: [] })).toBe('');
  });

  it('refuses a variable that is not a name or field path', () => {
    expect(() =>
      ruleGroupToCel({ combinator: 'all', checks: [{ variable: 'a b', operator: '==', value: 1 }] }),
    ).toThrow(/not a variable name/);
  });
});

describe('celToRuleGroup', () => {
  it('reads back an all-group written by an admin by hand, with spacing and a negative number', () => {
    expect(celToRuleGroup('  balance>=-10.5&&tier!="gold" ')).toEqual({
      combinator: 'all',
      checks: [
        { variable: 'balance', operator: '>=', value: -10.5 },
        { variable: 'tier', operator: '!=', value: 'gold' },
      ],
    });
  });

  it('reads single-quoted text and text methods', () => {
    expect(celToRuleGroup("call.caller.endsWith('8888')")).toEqual({
      combinator: 'all',
      checks: [{ variable: 'call.caller', operator: 'endsWith', value: '8888' }],
    });
  });

  it('reads empty text as an empty group, and a written `true` as an expression (not as a rule without checks)', () => {
    expect(celToRuleGroup('')).toEqual({ combinator: 'all', checks: [] });
    expect(celToRuleGroup('  ')).toEqual({ combinator: 'all', checks: [] });
    expect(celToRuleGroup('true')).toBeNull();
  });

  it.each([
    ['mixed && and ||', 'a == 1 && b == 2 || c == 3'],
    ['a function call', 'size(orders) > 2'],
    ['arithmetic', 'attempts + 1 < 3'],
    ['a variable on the right', 'a == b'],
    ['a method the builder lacks', 'name.matches("^a")'],
    ['a syntax error', 'tier == '],
  ])('leaves %s to expression mode (null)', (_case, source) => {
    expect(celToRuleGroup(source)).toBeNull();
  });
});

describe('round trip', () => {
  const name = fc
    .stringMatching(/^[a-z_][a-z0-9_]{0,8}$/)
    .filter(
      (n) =>
        ![
          'true',
          'false',
          'null',
          'in',
          'as',
          'if',
          'for',
          'var',
          'let',
          'loop',
          'void',
          'while',
          'else',
          'const',
          'break',
          'import',
          'return',
          'package',
          'function',
          'continue',
          'namespace',
        ].includes(n),
    );
  const check: fc.Arbitrary<RuleCheck> = fc.oneof(
    fc.record({
      variable: fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')),
      operator: fc.constantFrom(...ruleOperators.filter((op) => !['contains', 'startsWith', 'endsWith'].includes(op))),
      value: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.boolean(),
        fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
      ),
    }),
    fc.record({
      variable: name,
      operator: fc.constantFrom('contains' as const, 'startsWith' as const, 'endsWith' as const),
      value: fc.string({ maxLength: 12 }),
    }),
  );

  it('celToRuleGroup(ruleGroupToCel(g)) gives g back, and the engine parses every expression written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('all' as const, 'any' as const),
        fc.array(check, { minLength: 1, maxLength: 5 }),
        (combinator, checks) => {
          const cel = ruleGroupToCel({ combinator, checks });
          const parsed = parseExpression(cel);
          expect(parsed.ok, parsed.ok ? cel : `${cel}: ${parsed.error.message}`).toBe(true);
          const back = celToRuleGroup(cel);
          // One check has no operator to tell all from any; the builder reads it as all.
          expect(back).toEqual({ combinator: checks.length === 1 ? 'all' : combinator, checks });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseRuleValue', () => {
  it('reads numbers for number variables and refuses other text', () => {
    expect(parseRuleValue(' 42 ', 'number')).toEqual({ value: 42 });
    expect(parseRuleValue('4x', 'number')).toBeNull();
    expect(parseRuleValue('', 'number')).toBeNull();
  });

  it('reads true/false for boolean variables only', () => {
    expect(parseRuleValue('true', 'boolean')).toEqual({ value: true });
    expect(parseRuleValue('yes', 'boolean')).toBeNull();
  });

  it('keeps text as typed for text and undeclared variables', () => {
    expect(parseRuleValue(' vip ', 'string')).toEqual({ value: ' vip ' });
    expect(parseRuleValue('3', undefined)).toEqual({ value: '3' });
  });
});
