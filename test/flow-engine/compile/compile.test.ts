// compile(): one state per node, effects named in setup, a JSON config, and typed refusals of unrunnable flows.

import { describe, expect, test } from 'vitest';
import { compile, CompileError } from '../../../flow-engine/compile';
import { effectNames } from '../../../flow-engine/driver';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { simulate } from '../../../flow-engine/simulator';
import { generateEngineFlow } from '../../../bench/generate-flow';
import { flow, node, tts } from '../support/build-flow';

const hotline = flow(
  [
    node('hello', 'play', { prompt: tts('Hello {{call.caller}}') }),
    node('vip', 'condition', { rules: [{ name: 'yes', when: 'tier == "vip"' }] }),
    node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }] }),
    node('bye', 'hangup'),
  ],
  [
    'start:next->hello',
    'hello:next->vip',
    'vip:yes->menu',
    'vip:else->bye',
    'menu:1->bye',
    'menu:noInput->bye',
    'menu:invalid->bye',
  ],
  {
    variables: [
      { name: 'tier', type: 'string' },
      { name: 'card', type: 'string', sensitive: true },
    ],
  },
);

interface JsonState {
  id?: string;
  entry?: unknown;
  states?: Record<string, JsonState>;
  always?: { guard: { type: string; params: Record<string, unknown> }; target: string }[];
  invoke?: { src: string; input: unknown };
}

/** The child state `id` of a compiled config's states: throws naming it when the config has none. */
function stateOf(states: Record<string, JsonState> | undefined, id: string): JsonState {
  const state = states?.[id];
  if (!state) throw new Error(`the compiled config has no state ${id}`);
  return state;
}

describe('the machine config', () => {
  const compiled = compile(hotline);
  const config = compiled.config as { id: string; initial: string; states: Record<string, JsonState> };

  test('every node is a state keyed by its id; effect nodes add a wait state; plus the hang-up and end states', () => {
    expect(config.id).toBe('callflow');
    expect(config.initial).toBe('start');
    expect(Object.keys(config.states)).toEqual([
      'start',
      'hello',
      'hello$wait',
      'vip',
      'menu',
      'menu$wait',
      'bye',
      'bye$wait',
      '$hangup',
      '$end',
    ]);
    expect(compiled.nodeIds).toEqual(['start', 'hello', 'vip', 'menu', 'bye']);
  });

  test('logic nodes choose their port on entry and route with eventless transitions, no invoked actor', () => {
    expect(stateOf(config.states, 'vip').invoke).toBeUndefined();
    expect(stateOf(config.states, 'vip').entry).toEqual({ type: 'runLogic', params: { node: 'vip' } });
    expect(stateOf(config.states, 'vip').always).toEqual([
      { guard: { type: 'portIs', params: { port: 'yes' } }, target: '#menu' },
      { guard: { type: 'portIs', params: { port: 'else' } }, target: '#bye' },
    ]);
  });

  test('effect nodes try a synchronous driver on entry, else invoke the named effect in their wait state', () => {
    expect(stateOf(config.states, 'hello').entry).toEqual({ type: 'runEffect', params: { node: 'hello', step: 0 } });
    expect(stateOf(config.states, 'hello').always?.at(-1)).toEqual({
      guard: { type: 'awaiting' },
      target: '#hello$wait',
    });
    expect(stateOf(config.states, 'hello').invoke).toBeUndefined();
    expect(stateOf(config.states, 'hello$wait').invoke).toMatchObject({
      src: 'play',
      input: { effect: 'play', node: 'hello', step: 0 },
    });
    expect(stateOf(config.states, 'menu$wait').invoke?.src).toBe('collect');
    // The call's first state cannot answer directly: XState runs its entry only when the actor starts.
    expect(stateOf(config.states, 'start').entry).toEqual({ type: 'enterNode', params: { node: 'start' } });
    expect(stateOf(stateOf(config.states, 'start').states, 'step0').entry).toEqual({ type: 'beginStep' });
    // Its later steps run after start(), so a synchronous driver answers them directly.
    expect(stateOf(stateOf(config.states, 'start').states, 'step1').entry).toEqual({
      type: 'runStep',
      params: { node: 'start', step: 1 },
    });
  });

  test('the start node answers the call, then reads the clock', () => {
    const steps = stateOf(config.states, 'start').states ?? {};
    expect(Object.keys(steps)).toEqual(['step0', 'step0$wait', 'step1', 'step1$wait']);
    expect(stateOf(steps, 'step0$wait').invoke?.src).toBe('answer');
    expect(stateOf(steps, 'step1$wait').invoke?.src).toBe('now');
  });

  test('ports that lead to the same node share one transition', () => {
    expect(stateOf(config.states, 'menu').always?.[0]).toEqual({
      guard: { type: 'portIn', params: { ports: ['1', 'noInput', 'invalid'] } },
      target: '#bye',
    });
  });

  test('the config survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  test('setup names every effect, each a placeholder until a driver provides it', () => {
    expect(Object.keys(compiled.machine.implementations.actors).sort()).toEqual([...effectNames].sort());
  });

  test('declared and sensitive variables are listed', () => {
    expect(compiled.variables).toEqual(['tier', 'card']);
    expect([...compiled.sensitiveVariables]).toEqual(['card']);
  });

  test('a node id containing a dot is still a valid target', async () => {
    const dotted = flow(
      [node('menu.main', 'play', { prompt: tts('Hi') }), node('bye', 'hangup')],
      ['start:next->menu.main', 'menu.main:next->bye'],
    );
    const states = (compile(dotted).config as { states: Record<string, JsonState> }).states;
    expect(stateOf(stateOf(states, 'start').states, 'step1').always).toContainEqual({
      guard: { type: 'portIs', params: { port: 'next' } },
      target: '#menu\\.main',
    });
    expect((await simulate(dotted, {})).path).toEqual(['start', 'menu.main', 'bye']);
  });
});

describe('flows compile refuses, naming the node', () => {
  test('a flow without a start node', () => {
    const f = { ...hotline, nodes: hotline.nodes.filter((n) => n.type !== 'start') };
    expect(() => compile(f)).toThrow(new CompileError('The flow "test-flow" has no start node.'));
  });

  test('a node whose config does not match its type', () => {
    const f = flow([node('menu', 'menu', { prompt: tts('Press'), options: [{ key: '12' }] })], ['start:next->menu']);
    try {
      compile(f);
      expect.unreachable('compile should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(CompileError);
      expect(error).toMatchObject({ nodeId: 'menu', path: '/config/options/0/key' });
    }
  });

  test('an expression with a syntax error, with its path', () => {
    const f = flow([node('check', 'condition', { rules: [{ name: 'a', when: 'tier ==' }] })], ['start:next->check']);
    expect(() => compile(f)).toThrow(CompileError);
    try {
      compile(f);
    } catch (error) {
      expect(error).toMatchObject({ nodeId: 'check', path: '/config/rules/0/when' });
      expect((error as Error).message).toMatch(
        /^Node "check" has an expression that cannot be read at \/config\/rules\/0\/when/,
      );
    }
  });

  test('an unknown node type', () => {
    const f = flow([node('odd', 'fax')], ['start:next->odd']);
    expect(() => compile(f)).toThrow('Node "odd" has the unknown type "fax".');
  });

  test('a shared schedule or integration the resources do not define', () => {
    const sched = flow([node('hours', 'schedule', { schedule: { ref: 'support' } })], ['start:next->hours']);
    expect(() => compile(sched)).toThrow(
      'Node "hours" uses the schedule "support", which is not defined in the resources.',
    );
    const http = flow([node('crm', 'http', { integration: { ref: 'crm' }, url: '/x' })], ['start:next->crm']);
    expect(() => compile(http, { resources: resolverFromBundle({}) })).toThrow(
      'Node "crm" uses the integration "crm", which is not defined in the resources.',
    );
  });
});

test('a generated 1,000-node flow compiles to 1,000 node states', () => {
  const compiled = compile(generateEngineFlow(1000));
  expect(compiled.nodeIds).toHaveLength(1000);
  const keys = Object.keys((compiled.config as { states: object }).states);
  expect(keys.filter((k) => !k.startsWith('$') && !k.endsWith('$wait'))).toEqual(compiled.nodeIds);
});
