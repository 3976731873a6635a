// A menu key that replays the menu: no exit port, no attempt used up, bounded by the step limit.

import { describe, expect, test } from 'vitest';
import { diffCallerExperience } from '../../../flow-engine/diff';
import { getNodeDefinition } from '../../../flow-engine/nodes/index';
import { simulate } from '../../../flow-engine/simulator';
import { validate } from '../../../flow-engine/validate';
import { flow, node, tts } from '../support/build-flow';

const menu = (maxAttempts: number) =>
  node('menu', 'menu', {
    prompt: tts('Press 1 for sales, 9 to hear this again'),
    options: [
      { key: '1', label: 'sales' },
      { key: '9', label: 'again', repeat: true },
    ],
    maxAttempts,
    timeoutSeconds: 4,
    invalidPrompt: tts('That is not an option.'),
  });
const build = (maxAttempts: number) =>
  flow(
    [menu(maxAttempts), node('sales', 'hangup'), node('silent', 'hangup'), node('wrong', 'hangup')],
    ['start:next->menu', 'menu:1->sales', 'menu:noInput->silent', 'menu:invalid->wrong'],
  );

const played = (trace: { transcript: { kind: string; text: string }[] }) =>
  trace.transcript.filter((t) => t.kind === 'played').map((t) => t.text);

describe('menu repeat key', () => {
  test('the repeat key is not a port of the menu, and the flow is valid without an edge for it', () => {
    const definition = getNodeDefinition('menu')!;
    const config = definition.config.parse(menu(3).config);
    expect(definition.ports(config).map((p) => p.name)).toEqual(['1', 'noInput', 'invalid']);
    const result = validate(build(3));
    expect(result.errors).toEqual([]);
  });

  test('pressing it replays the prompt alone and does not use up an attempt', async () => {
    // One attempt only: any failure leaves by invalid, yet two repeats still lead to sales.
    const trace = await simulate(build(1), { inputs: ['9', '9', '1'] });
    expect(trace.end.node).toBe('sales');
    expect(played(trace)).toEqual([
      'Press 1 for sales, 9 to hear this again',
      'Press 1 for sales, 9 to hear this again',
      'Press 1 for sales, 9 to hear this again',
    ]);
    expect(trace.path).toEqual(['start', 'menu', 'sales']);
  });

  test('after a wrong key, a repeat plays the menu without the invalid prompt and keeps the attempts used', async () => {
    const trace = await simulate(build(2), { inputs: ['7', '9', '8'] });
    expect(played(trace)).toEqual([
      'Press 1 for sales, 9 to hear this again',
      'That is not an option.',
      'Press 1 for sales, 9 to hear this again',
      'Press 1 for sales, 9 to hear this again',
    ]);
    // 7 and 8 are the two allowed failures; the repeat between them did not count.
    expect(trace.end.node).toBe('wrong');
  });

  test('a caller repeating forever is ended by the step limit', async () => {
    const trace = await simulate(build(3), { inputs: Array.from({ length: 20 }, () => '9') }, { maxSteps: 6 });
    expect(trace.end.reason).toBe('error');
    expect(trace.end.detail).toMatch(/after 6 node visits/);
  });

  test('the repeat key must differ from the other keys', () => {
    const f = build(3);
    (f.nodes[1]!.config as { options: unknown[] }).options.push({ key: '1', repeat: true });
    const result = validate(f);
    expect(result.errors.map((e) => e.code)).toContain('duplicate-port');
  });

  test('the caller-experience review shows a new repeat key as leading back to the menu', () => {
    const before = build(3);
    (before.nodes[1]!.config as { options: unknown[] }).options.pop();
    const review = diffCallerExperience(before, build(3));
    expect(review.ports).toContainEqual(
      expect.objectContaining({ node: 'menu', port: '9', change: 'added', after: { target: 'menu' } }),
    );
  });
});
