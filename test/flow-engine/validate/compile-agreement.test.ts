// Validate and compile agree: subflow depth, loops without caller input, and how a subflow's port returns.

import { describe, expect, it } from 'vitest';
import { compile, CompileError } from '../../../flow-engine/compile';
import type { FlowDocument } from '../../../flow-engine/document';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { simulate } from '../../../flow-engine/simulator';
import { validate } from '../../../flow-engine/validate/index';
import { flow, node, tts } from '../support/build-flow';
import { issuesOf } from './fixtures';

/** `levels` subflows, each calling the next: level1 → level2 → … → levelN (which just plays). */
function subflowChain(levels: number) {
  const subflows: Record<string, FlowDocument> = {};
  for (let i = 1; i <= levels; i++) {
    const body =
      i < levels
        ? node('inner', 'subflow', { flow: { ref: `level${i + 1}` } })
        : node('inner', 'play', { prompt: tts('Deepest') });
    subflows[`level${i}`] = flow([body], ['start:next->inner'], { id: `level${i}`, kind: 'subflow' });
  }
  const main = flow([node('call', 'subflow', { flow: { ref: 'level1' } })], ['start:next->call'], { id: 'main' });
  return { main, resources: resolverFromBundle({ subflows }) };
}

describe('subflow depth', () => {
  it('a 10-deep subflow chain is refused by validate, naming the chain, as compile refuses it', () => {
    const { main, resources } = subflowChain(10);
    const result = validate(main, { resources });
    const issue = issuesOf(result, 'subflow-depth')[0]!;
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'call', path: '/nodes/1/config/flow' });
    expect(issue.message).toBe(
      'Node "call": subflows call subflows 9 levels deep ("main" → "level1" → "level2" → "level3" → "level4" → "level5" → "level6" → "level7" → "level8" → "level9"); a call can run at most 8 levels, so flatten the chain.',
    );
    expect(() => compile(main, { resources })).toThrowError(CompileError);
    expect(() => compile(main, { resources })).toThrowError('subflows may call subflows at most 8 levels deep');
  });

  it('an 8-deep chain validates and compiles', async () => {
    const { main, resources } = subflowChain(8);
    expect(issuesOf(validate(main, { resources }), 'subflow-depth')).toEqual([]);
    const trace = await simulate(main, {}, { resources });
    expect(trace.path.at(-1)).toBe('call/inner/inner/inner/inner/inner/inner/inner/inner');
  });
});

describe('loops without caller input', () => {
  const holdLoop = flow(
    [
      node('sorry', 'play', { prompt: tts('All agents are busy') }),
      node('wait', 'queue', { skillGroup: { ref: 'sales' }, maxWaitSeconds: 60 }),
      node('bye', 'hangup'),
    ],
    ['start:next->sorry', 'sorry:next->wait', 'wait:overflow->sorry', 'wait:noAgents->bye', 'wait:callback->bye'],
  );

  it('a play → queue loop is flagged with the guard it would run into', () => {
    const issue = issuesOf(validate(holdLoop), 'idle-loop')[0]!;
    expect(issue).toMatchObject({ severity: 'warning', nodeId: 'sorry', path: '/nodes/1' });
    expect(issue.message).toBe(
      'Nodes "sorry", "wait" form a loop without asking the caller for keys or speech (it only plays, queues, records or calls back), so a call could go round until the guard of 10,000 node visits ends it with an error; route the loop through a menu or another input step, or give it a way out.',
    );
  });

  it('and such a call does run until the guard ends it', async () => {
    const trace = await simulate(holdLoop, { mocks: { queue: { wait: { outcome: 'overflow' } } } }, { maxSteps: 40 });
    expect(trace.end).toMatchObject({ reason: 'error' });
    expect(trace.end.detail).toMatch(/after 40 node visits/);
  });

  it('a record that loops on silence is flagged, a menu loop is not', () => {
    const doc = flow(
      [
        node('leave', 'record', { prompt: tts('Leave a message') }),
        node('again', 'menu', { prompt: tts('Press 1 to repeat'), options: [{ key: '1' }] }),
        node('bye', 'hangup'),
      ],
      [
        'start:next->leave',
        'leave:noInput->leave',
        'leave:recorded->again',
        'again:1->again',
        'again:noInput->bye',
        'again:invalid->bye',
      ],
    );
    const issues = issuesOf(validate(doc), 'idle-loop');
    expect(issues.map((i) => i.nodeId)).toEqual(['leave']);
    expect(issues[0]!.message).toMatch(/^Node "leave" leads back to itself without asking the caller/);
  });
});

describe('a subflow port that must return to the caller', () => {
  const lookup = flow(
    [node('ask', 'http', { url: 'https://crm.example.com/x' }), node('done', 'play', { prompt: tts('Thanks') })],
    ['start:next->ask', 'ask:ok->done', 'ask:timeout->done'],
    { id: 'lookup', kind: 'subflow' },
  );

  it('validate says how to return', () => {
    const issue = issuesOf(validate(lookup), 'unconnected-port')[0]!;
    expect(issue.message).toBe(
      'Node "ask": port "error" (Error) is not connected; connect it to the next step. In a subflow only ports that may end the call (such as a play node\'s next) return to the calling flow when left open; connect this one to such a node to return.',
    );
  });

  it('a call that leaves by it ends with the same advice', async () => {
    const main = flow([node('sub', 'subflow', { flow: { ref: 'lookup' } })], ['start:next->sub']);
    const trace = await simulate(main, {}, { resources: resolverFromBundle({ subflows: { lookup } }) });
    expect(trace.end).toMatchObject({ node: 'sub/ask', reason: 'error' });
    expect(trace.end.detail).toContain('connect this one to such a node to return');
  });
});
