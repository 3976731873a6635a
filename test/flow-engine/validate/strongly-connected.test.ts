// Tarjan's components, used by the logic-loop rule.

import { describe, expect, it } from 'vitest';
import { stronglyConnected } from '../../../flow-engine/validate/strongly-connected';

const sorted = (components: number[][]) =>
  components.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);

describe('stronglyConnected', () => {
  it('finds a two-node cycle and leaves a chain as singletons', () => {
    expect(sorted(stronglyConnected(4, [[1], [0, 2], [3], []]))).toEqual([[0, 1], [2], [3]]);
  });

  it('finds nested and separate cycles', () => {
    // 0→1→2→0 and 3→4→3, joined by 2→3.
    expect(sorted(stronglyConnected(5, [[1], [2], [0, 3], [4], [3]]))).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it('handles a 100,000-node chain without recursion limits', () => {
    const n = 100_000;
    const next = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const components = stronglyConnected(n, next);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});
