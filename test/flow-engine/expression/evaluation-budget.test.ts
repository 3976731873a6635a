// Every evaluation is bounded, outputs included: total work, and the size of every intermediate text and list.

import { describe, expect, it } from 'vitest';
import { parseExpression, parseTemplate, type CompiledExpression } from '../../../flow-engine/expression';

function compiled(source: string): CompiledExpression {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`expected ${source.slice(0, 60)} to parse: ${parsed.error.message}`);
  return parsed.value;
}

/** Joins 40 copies of `inner` per level: 100 characters become 256,000,000 after five levels. */
function explodingJoin(levels: number): string {
  const level = (v: string) => `[${Array(40).fill(v).join(',')}].join("")`;
  let body = 'size(l0)';
  for (let i = levels; i >= 1; i--)
    body = `cel.bind(l${i - 1}, ${i === 1 ? `"${'x'.repeat(100)}"` : level(`l${i - 2}`)}, ${body})`;
  return body.replace('size(l0)', `size(l${levels - 1})`);
}

describe('intermediate values', () => {
  it('a text built by joining lists inside one expression stops at 100,000 characters instead of growing to gigabytes', () => {
    const expression = compiled(explodingJoin(6));
    expect(() => expression.evaluate({})).toThrowError(
      /^A text in the expression grew longer than 100,000 characters at column \d+\.$/,
    );
  });

  it('a list that grows past 1,000 entries is refused', () => {
    const expression = compiled('xs + xs');
    const xs = Array.from({ length: 600 }, (_, i) => i);
    expect(() => expression.evaluate({ xs })).toThrowError(
      'A list in the expression grew to more than 1,000 entries at column 1.',
    );
  });

  it('a failure swallowed by || still fails the evaluation', () => {
    const big = 'y'.repeat(90_000);
    const xs = Array.from({ length: 1000 }, (_, i) => `k${i}`);
    const expression = compiled('xs.exists(x, big.contains(x)) || true');
    expect(() => expression.evaluate({ xs, big })).toThrowError(/needs too much work \(more than 1,000,000 steps\)/);
  });
});

describe('total work', () => {
  it('reading a 90,000-character text once per item of a 1,000-item list is too much work', () => {
    const expression = compiled('xs.map(x, big).size()');
    const xs = Array.from({ length: 1000 }, (_, i) => i);
    expect(() => expression.evaluate({ xs, big: 'y'.repeat(90_000) })).toThrowError(
      'The expression needs too much work (more than 1,000,000 steps); make it simpler or give it less data at column 11.',
    );
  });

  it('ordinary work over a 1,000-item list stays within the budget', () => {
    const orders = Array.from({ length: 1000 }, (_, i) => ({
      id: `A${i}`,
      total: i,
      items: [{ sku: 'A1' }, { sku: 'B2' }],
    }));
    expect(compiled('orders.filter(o, o.total > 500).map(o, o.id).size()').evaluate({ orders })).toBe(499);
    expect(compiled('orders.exists(o, o.items.exists(i, i.sku == "B2"))').evaluate({ orders })).toBe(true);
    expect(compiled('orders.map(o, o.id).join(",").size()').evaluate({ orders })).toBe(4889);
  });

  it('the holes of one template share one budget', () => {
    const hole = '{{xs.map(x, big).size()}}';
    const parsed = parseTemplate(`a ${hole}`);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const xs = Array.from({ length: 600 }, (_, i) => i);
    // 600 readings of 10,000 characters cost 600,000: one hole fits, two do not.
    expect(parsed.value.render({ xs, big: 'y'.repeat(10_000) })).toBe('a 600');
    const twice = parseTemplate(`${hole} and ${hole}`);
    if (!twice.ok) throw new Error(twice.error.message);
    expect(() => twice.value.render({ xs, big: 'y'.repeat(10_000) })).toThrowError(/needs too much work/);
  });
});
