// The CEL editor's echo filter: its own changes coming back late are not written over newer typing; outside changes are.

import { describe, expect, it } from 'vitest';
import { createEchoFilter } from '../../../app/_components/monaco/echo-filter';

describe('createEchoFilter', () => {
  it('treats late and batched echoes of its own changes as echoes', () => {
    const echoes = createEchoFilter();
    for (const text of ['o', 'or', 'ord']) echoes.emitted(text);
    expect(echoes.isEcho('o')).toBe(true);
    // A render that batched the next two keys.
    expect(echoes.isEcho('ord')).toBe(true);
    // Everything sent is settled: the same text again is a change from elsewhere.
    expect(echoes.isEcho('or')).toBe(false);
  });

  it('reports a change from elsewhere (undo, the JSON view) and forgets what was pending', () => {
    const echoes = createEchoFilter();
    echoes.emitted('a == 1');
    expect(echoes.isEcho('b == 2')).toBe(false);
    expect(echoes.isEcho('a == 1')).toBe(false);
  });

  it('an undo back to an earlier text, after its echoes arrived, is shown', () => {
    const echoes = createEchoFilter();
    echoes.emitted('x');
    echoes.emitted('xy');
    expect(echoes.isEcho('xy')).toBe(true);
    expect(echoes.isEcho('x')).toBe(false);
  });
});
