// The simulate panel's interactive call on a real template: re-run per input, pause at the next input, real integrations.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runInteractive } from '../../../../app/_components/editor/simulate/interactive-call';
import {
  callSetupOf,
  defaultSetup,
  mocksOf,
  realNodesPending,
  type SimulationSetup,
} from '../../../../app/_components/editor/simulate/simulation-setup';
import { compile } from '../../../../flow-engine/compile';
import type { FlowDocument } from '../../../../flow-engine/document';
import { resolverFromBundle } from '../../../../flow-engine/resources';
import { simulate } from '../../../../flow-engine/simulator';

const bank = JSON.parse(
  readFileSync(new URL('../../../../templates/bank-card-services.json', import.meta.url), 'utf8'),
) as FlowDocument;
const resources = resolverFromBundle({
  skillGroups: Object.fromEntries(['card-fraud', 'card-vip', 'card-services'].map((k) => [k, { name: k }])),
  integrations: { 'card-crm': { baseUrl: 'https://crm.example.com' } },
});
const compiled = compile(bank, { resources });
const call = callSetupOf({ ...defaultSetup('en-US').call, localTime: '2026-11-23T10:00' });

describe('an interactive call of the bank card template', () => {
  test('with no input yet it waits at the main menu, having played the welcome and the menu prompt', async () => {
    const step = await runInteractive(compiled, { call, inputs: [], mocks: {} });
    expect(step.awaiting).toMatchObject({ node: 'mainMenu', effect: 'collect', timeoutSeconds: 5 });
    expect(step.trace.path).toEqual(['start', 'welcome', 'mainMenu']);
    expect(step.trace.transcript[0]?.text).toMatch(/^Welcome to Xinghe Bank/);
  });

  test('key 2 moves the wait to the card number collect, and the menu step records port 2', async () => {
    const step = await runInteractive(compiled, { call, inputs: ['2'], mocks: {} });
    expect(step.awaiting?.node).toBe('askCardNumber');
    expect(step.awaiting?.sensitive).toBe(true);
    expect(step.trace.steps.find((s) => s.node === 'mainMenu')?.port).toBe('2');
  });

  test('a mocked CRM body picks the premier branch, and the same script replays identically with simulate()', async () => {
    const setup: SimulationSetup = {
      ...defaultSetup('en-US'),
      http: { crmLookup: { mode: 'mock', status: 200, bodyText: '{"tier":"diamond","last4":"6783"}', delayMs: 0 } },
    };
    const { mocks, problems } = mocksOf(setup, {});
    expect(problems).toEqual({});
    const script = { call, inputs: ['2', '6225880123456783#'], mocks };
    const step = await runInteractive(compiled, script);
    expect(step.awaiting).toBeUndefined();
    expect(step.trace.end).toEqual({ node: 'premierQueue', reason: 'queued' });
    expect(step.trace.transcript.map((l) => l.text)).toContainEqual(
      expect.stringContaining('ending in 6783 is verified'),
    );
    const replay = await simulate(bank, script, { resources });
    expect(replay.steps).toEqual(step.trace.steps);
    expect(replay.end).toEqual(step.trace.end);
  });

  test('a real-integration node stops the call there with the variables so far; its answer then becomes a mock', async () => {
    const setup: SimulationSetup = { ...defaultSetup('en-US'), http: { crmLookup: { mode: 'real' } } };
    const inputs = ['2', '6225880123456783#'];
    const first = await runInteractive(
      compiled,
      { call, inputs, mocks: mocksOf(setup, {}).mocks },
      realNodesPending(setup, {}),
    );
    expect(first.integration?.node).toBe('crmLookup');
    expect(first.integration?.vars.tier).toBe('standard');
    // The server renders the request from the card number the caller typed, not from the masked trace.
    expect(first.integration?.vars.cardNumber).toBe('6225880123456783');
    expect(first.trace.vars.cardNumber).toBe('••••');
    const answers = { crmLookup: { status: 200, body: { tier: 'gold', last4: '1111' }, delayMs: 120 } };
    expect(realNodesPending(setup, answers).size).toBe(0);
    const second = await runInteractive(
      compiled,
      { call, inputs, mocks: mocksOf(setup, answers).mocks },
      realNodesPending(setup, answers),
    );
    expect(second.integration).toBeUndefined();
    expect(second.trace.steps.find((s) => s.node === 'tierCheck')?.port).toBe('else');
    expect(second.trace.vars.cardLast4).toBe('1111');
  });

  test('a slow mock (delayMs at the node timeout) takes the timeout port', async () => {
    const setup: SimulationSetup = {
      ...defaultSetup('en-US'),
      http: { crmLookup: { mode: 'mock', status: 200, bodyText: '{}', delayMs: 3000 } },
    };
    const step = await runInteractive(compiled, {
      call,
      inputs: ['2', '6225880123456783#'],
      mocks: mocksOf(setup, {}).mocks,
    });
    expect(step.trace.steps.find((s) => s.node === 'crmLookup')?.port).toBe('timeout');
  });
});

describe('mock drafts', () => {
  test('a body that is not JSON is a problem of that node and is left out; no agents is outcome noAgents', () => {
    const setup: SimulationSetup = {
      ...defaultSetup('en-US'),
      http: { a: { mode: 'mock', status: 500, bodyText: '{oops', delayMs: 0 }, b: { mode: 'none' } },
      queue: {
        q: { agentsAvailable: false, waitSeconds: 30, outcome: 'answered' },
        r: { agentsAvailable: true, waitSeconds: 30, outcome: 'overflow' },
      },
    };
    expect(mocksOf(setup, {})).toEqual({
      mocks: { queue: { q: { outcome: 'noAgents', waitSeconds: 0 }, r: { outcome: 'overflow', waitSeconds: 30 } } },
      problems: { a: 'bodyNotJson' },
    });
  });
});
