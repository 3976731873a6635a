// Property: random card numbers typed into every template and into flows generated to move them around never
// show in any serialized output — trace JSON, transcript, observer events, variables, error messages.

import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compile, type CallObserver } from '../../../flow-engine/compile';
import { MASK, SensitiveValues } from '../../../flow-engine/compile/sensitive-values';
import type { FlowDocument, FlowNode } from '../../../flow-engine/document';
import { bindDriver, type CallDriver, type CollectResult } from '../../../flow-engine/driver';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { DEFAULT_CALL_AT, SimulatedCall, simulate, simulatorDriver } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';
import { loadResourcesFile, loadSubflows, loadTemplates } from '../../templates/template-files';
import { cardNumber, leakedParts } from './card-numbers';

/** The flow with every collect made sensitive: each becomes a place where a card number is typed. */
function withSensitiveCollects(doc: FlowDocument): FlowDocument {
  const nodes = doc.nodes.map((n): FlowNode =>
    n.type === 'collect' ? { ...n, config: { ...n.config, sensitive: true } } : n,
  );
  return { ...doc, nodes };
}

describe('every template, its own test cases, a card number typed at every collect', () => {
  const subflows = Object.fromEntries(
    Object.entries(loadSubflows()).map(([key, doc]) => [key, withSensitiveCollects(doc)]),
  );
  const resources = resolverFromBundle({ ...loadResourcesFile(), subflows });

  it.each(loadTemplates().map((t) => [t.file, t.flow] as const))('%s', (_file, template) => {
    const compiled = compile(withSensitiveCollects(template), { resources });
    let card = '';
    let typed = 0;
    // The test case's script decides when the caller types; at a sensitive collect the card is what they type.
    const driver: CallDriver<SimulatedCall> = {
      ...simulatorDriver,
      collect(request, context) {
        const answer = simulatorDriver.collect(request, context) as CollectResult;
        if (!request.sensitive || answer.kind !== 'digits') return answer;
        typed++;
        return { kind: 'digits', digits: `${card}${request.terminator}` };
      },
    };
    const machine = bindDriver(compiled.machine, driver);
    const cases = template.tests ?? [];
    expect(cases.length).toBeGreaterThan(0);
    for (const testCase of cases) {
      fc.assert(
        fc.property(cardNumber, (generated) => {
          card = generated;
          const sensitive = new SensitiveValues();
          const at = testCase.call?.at ?? DEFAULT_CALL_AT;
          const session = new SimulatedCall(testCase.inputs ?? [], testCase.mocks ?? {}, Date.parse(at), sensitive);
          const events: unknown[] = [];
          const observer: CallObserver = {
            nodeEntered: (n, type) => events.push({ entered: n, type }),
            portTaken: (n, port) => events.push({ taken: n, port }),
            callEnded: (end) => events.push({ ended: end }),
          };
          const actor = createActor(machine, {
            input: { call: { ...testCase.call, at }, session, observer, sensitive },
          });
          actor.start();
          const snapshot = actor.getSnapshot();
          expect(snapshot.status).toBe('done');
          const vars = Object.fromEntries(
            compiled.variables.map((name) => [
              name,
              compiled.sensitiveVariables.has(name) && snapshot.context.scope[name] !== null
                ? MASK
                : snapshot.context.scope[name],
            ]),
          );
          const output = JSON.stringify({ transcript: session.transcript, events, vars, end: snapshot.output });
          expect(leakedParts(output, card)).toEqual([]);
        }),
        { numRuns: 8 },
      );
    }
    // Where the template asks for digits, its own test cases did type the card somewhere.
    if (template.nodes.some((n) => n.type === 'collect')) expect(typed).toBeGreaterThan(0);
  });
});

/** One way of deriving a new value from a sensitive one (CEL over `x`). */
const derivations = [
  'x',
  'x.substring(2)',
  '"ref-" + x',
  'x + "-" + x.substring(0, 4)',
  'x.substring(0, 14)',
  '[x, "end"].join("/")',
  'string(int(x.substring(0, 15)) + 1).substring(1)',
];

/** Where a value leaves the engine; `{v}` is the variable. Error sinks end the call. */
const sinks: { make: (id: string, v: string) => FlowNode; ports: string[]; ends?: boolean }[] = [
  { make: (id, v) => node(id, 'play', { prompt: tts(`You typed {{${v}}}, thank you`) }), ports: ['next'] },
  {
    make: (id, v) =>
      node(id, 'play', { prompt: { parts: [{ tts: { 'en-US': 'Number' } }, { sayAs: 'digits', value: `{{${v}}}` }] } }),
    ports: ['next'],
  },
  {
    make: (id, v) =>
      node(id, 'http', {
        method: 'POST',
        url: `https://crm.example.com/c/{{${v}}}`,
        query: { q: `{{${v}}}` },
        headers: { 'X-Ref': `r{{${v}}}` },
        json: { value: v },
        outputs: [{ variable: 'answer', value: 'response.body' }],
      }),
    ports: ['ok', 'error', 'timeout'],
  },
  {
    make: (id, v) => node(id, 'transfer', { to: `sip:{{${v}}}@pbx.example.com`, callerId: `{{${v}}}` }),
    ports: ['busy', 'noAnswer', 'failed', 'answered'],
  },
  { make: (id, v) => node(id, 'callback', { number: `+{{${v}}}` }), ports: ['scheduled', 'failed'] },
  {
    make: (id, v) => node(id, 'condition', { rules: [{ name: 'odd', when: `${v}.substring(0, 3)` }] }),
    ports: ['odd', 'else'],
    ends: true,
  },
  {
    make: (id, v) => node(id, 'set', { assignments: [{ variable: 'answer', value: `int(${v} + "z")` }] }),
    ports: ['next'],
    ends: true,
  },
  {
    make: (id, v) => node(id, 'queue', { skillGroup: { ref: 'desk' }, priorityExpression: `int(${v})` }),
    ports: ['answered', 'overflow', 'noAgents', 'callback'],
    ends: true,
  },
];

interface Plan {
  derive: number[];
  sinkOrder: number[];
  inSubflow: boolean;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  derive: fc.array(fc.integer({ min: 0, max: derivations.length - 1 }), { minLength: 0, maxLength: 4 }),
  sinkOrder: fc.uniqueArray(fc.integer({ min: 0, max: sinks.length - 1 }), { minLength: 1, maxLength: sinks.length }),
  inSubflow: fc.boolean(),
});

/** A flow: a sensitive collect, a chain of derived variables (maybe inside a subflow), then the sinks in order. */
function generatedFlow(p: Plan): { main: FlowDocument; subflows: Record<string, FlowDocument> } {
  const names = ['card', ...p.derive.map((_, i) => `d${i}`)];
  const last = names[names.length - 1]!;
  const variables = [...names, 'answer'].map((name) => ({ name, type: 'string' as const }));
  const derive = node('derive', 'set', {
    assignments: p.derive.map((op, i) => ({
      variable: `d${i}`,
      value: `cel.bind(x, ${names[i]}, ${derivations[op]})`,
    })),
  });
  const ask = node('ask', 'collect', {
    prompt: tts('Card number'),
    variable: 'card',
    minDigits: 16,
    maxDigits: 16,
    sensitive: true,
  });
  const body: FlowNode[] = [];
  const edgeSpecs: string[] = [];
  const ordered = [
    ...p.sinkOrder.filter((i) => !sinks[i]!.ends),
    ...p.sinkOrder.filter((i) => sinks[i]!.ends).slice(0, 1),
  ];
  ordered.forEach((sinkIndex, i) => {
    const sink = sinks[sinkIndex]!;
    const id = `sink${i}`;
    body.push(sink.make(id, last));
    const next = i + 1 < ordered.length ? `sink${i + 1}` : 'bye';
    for (const port of sink.ports) edgeSpecs.push(`${id}:${port}->${next}`);
  });
  body.push(node('bye', 'hangup', { prompt: tts('Goodbye') }));
  if (!p.inSubflow) {
    const main = flow(
      [ask, derive, ...body],
      ['start:next->ask', 'ask:ok->derive', 'ask:invalid->bye', 'ask:noInput->bye', 'derive:next->sink0', ...edgeSpecs],
      { variables },
    );
    return { main, subflows: {} };
  }
  const identify = flow(
    [ask, derive, node('back', 'play', { prompt: tts('Thanks') })],
    ['start:next->ask', 'ask:ok->derive', 'ask:invalid->back', 'ask:noInput->back', 'derive:next->back'],
    {
      id: 'identify',
      kind: 'subflow',
      variables,
    },
  );
  const main = flow(
    [node('who', 'subflow', { flow: { ref: 'identify' } }), ...body],
    ['start:next->who', 'who:next->sink0', ...edgeSpecs],
    {
      variables: [
        { name: last, type: 'string' },
        { name: 'answer', type: 'string' },
      ],
    },
  );
  return { main, subflows: { identify } };
}

describe('flows generated to move a card number around', () => {
  it('no part of the card shows in the trace JSON, whatever derives it and wherever it goes', async () => {
    await fc.assert(
      fc.asyncProperty(cardNumber, plan, fc.constantFrom('busy', 'answered'), async (card, p, transferOutcome) => {
        const { main, subflows } = generatedFlow(p);
        const resources = resolverFromBundle({ subflows, skillGroups: { desk: { name: 'Desk' } } });
        const trace = await simulate(
          main,
          {
            inputs: [`${card}#`],
            mocks: {
              http: { sink2: { status: 200, body: { echo: 'ok' } } },
              transfer: Object.fromEntries(
                ['sink0', 'sink1', 'sink2', 'sink3', 'sink4'].map((id) => [id, { outcome: transferOutcome }]),
              ),
            },
          },
          { resources },
        );
        // The card was typed and used: the call got past the collect.
        expect(trace.path).toContain(p.inSubflow ? 'who/derive' : 'derive');
        expect(leakedParts(JSON.stringify(trace), card)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
