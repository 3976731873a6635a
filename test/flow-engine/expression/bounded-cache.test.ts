// The parse cache keeps the most recently used entries and forgets the oldest beyond its capacity.

import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../flow-engine/expression/bounded-cache';

describe('BoundedCache', () => {
  it('forgets the least recently used entry when full', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it('replacing a key keeps one entry with the new value', () => {
    const cache = new BoundedCache<string>(3);
    cache.set('k', 'old');
    cache.set('k', 'new');
    expect(cache.get('k')).toBe('new');
    expect(cache.size).toBe(1);
  });
});
