// The engine's small ICU formatter: plain arguments, plurals with #, selects, and nesting.

import { describe, expect, it } from 'vitest';
import { formatProblemText } from '../../../flow-engine/validate/problem-format';
import { renderProblem } from '../../../flow-engine/validate/render-problem';

describe('formatProblemText', () => {
  it('fills arguments, numbers in en-US digits and lists joined by commas', () => {
    expect(formatProblemText('{a} of {n} ({list})', { a: 'x', n: 10000, list: ['1', '2'] })).toBe('x of 10,000 (1, 2)');
  });

  it('picks plural and select branches, with # and nested arguments', () => {
    const text = '{n, plural, one {# node {kind, select, menu {menu} other {step}}} other {# nodes}}';
    expect(formatProblemText(text, { n: 1, kind: 'menu' })).toBe('1 node menu');
    expect(formatProblemText(text, { n: 3, kind: 'menu' })).toBe('3 nodes');
    expect(formatProblemText('{n, plural, =1 {one} other {many}}', { n: 1 })).toBe('one');
  });

  it('refuses a message whose parameter is missing rather than printing a blank', () => {
    expect(() => formatProblemText('Node "{node}"', {})).toThrow(/node/);
  });
});

describe('renderProblem', () => {
  it('names nodes by id by default, as the CLI prints them, or by the name given', () => {
    expect(renderProblem('logic-loop', { nodes: ['a', 'b'] })).toBe(
      'Nodes "a", "b" form a loop without any caller input, so a call could spin forever; route the loop through a menu or other input step.',
    );
    expect(renderProblem('unreachable-node', { node: 'm1' }, () => 'Main menu')).toBe(
      'Node "Main menu" cannot be reached from the start node; connect it or delete it.',
    );
  });
});
