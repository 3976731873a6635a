// Each node type lists the effects it invokes in its definition (`effects`): compile refuses a step with an effect the
// definition does not list, and machineEffects (what the runtime times) is those lists plus the end-of-call hangup.

import { afterEach, describe, expect, test } from 'vitest';
import { compile, machineEffects } from '../../../flow-engine/compile';
import { effectNames } from '../../../flow-engine/driver';
import { nodeDefinitions } from '../../../flow-engine/nodes/index';
import { flow, node, tts } from '../support/build-flow';

const played = flow([node('hello', 'play', { prompt: tts('Hello') })], ['start:next->hello']);

describe('the effects a node type invokes', () => {
  const listed = nodeDefinitions.play.effects;
  afterEach(() => {
    Object.assign(nodeDefinitions.play, { effects: listed });
  });

  test('a step whose effect the definition does not list fails the compile, naming the type and effect', () => {
    expect(() => compile(played)).not.toThrow();
    Object.assign(nodeDefinitions.play, { effects: [] });
    expect(() => compile(played)).toThrow(
      'The node type "play" invokes the effect "play" that its definition does not list in effects.',
    );
  });

  test('machineEffects are the definitions’ lists and the end-of-call hangup: every effect of the driver contract', () => {
    const fromDefinitions = new Set(Object.values(nodeDefinitions).flatMap((d) => d.effects));
    expect(new Set(machineEffects)).toEqual(new Set([...fromDefinitions, 'hangup']));
    expect([...machineEffects].sort()).toEqual([...effectNames].sort());
  });
});
