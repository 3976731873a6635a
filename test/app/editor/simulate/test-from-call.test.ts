// "Save this call as a test": proposed expectations from a trace, the chosen ones kept, names checked; marks and transcript.

import { expect, test } from 'vitest';
import {
  revealedTranscript,
  simulationMarks,
  transcriptSteps,
} from '../../../../app/_components/editor/simulate/call-view';
import {
  proposeExpectations,
  testCaseFromCall,
  testNameProblem,
} from '../../../../app/_components/editor/simulate/test-from-call';
import { MASK } from '../../../../flow-engine/simulator';

const trace = {
  path: ['start', 'welcome', 'mainMenu', 'askCardNumber', 'crmLookup', 'premierQueue'],
  steps: [
    { node: 'start', type: 'start', port: 'next' },
    { node: 'welcome', type: 'play', port: 'next' },
    { node: 'mainMenu', type: 'menu', port: '2' },
    { node: 'askCardNumber', type: 'collect', port: 'ok' },
    { node: 'crmLookup', type: 'http', port: 'ok' },
    { node: 'premierQueue', type: 'queue', port: null },
  ],
  end: { node: 'premierQueue', reason: 'queued' as const },
  vars: { cardNumber: MASK, tier: 'diamond', cardLast4: '6783', note: null },
  transcript: [
    { node: 'welcome', kind: 'played' as const, text: 'Welcome' },
    { node: 'mainMenu', kind: 'played' as const, text: 'Press 2' },
    { node: 'mainMenu', kind: 'heard' as const, text: '2' },
    { node: 'crmLookup', kind: 'event' as const, text: 'POST … → 200' },
    { node: 'premierQueue', kind: 'played' as const, text: 'Hold on' },
  ],
};

test('proposed expectations: nodes after start in order, the end, and only variables with a value a test can state', () => {
  expect(proposeExpectations(trace)).toEqual({
    visits: ['welcome', 'mainMenu', 'askCardNumber', 'crmLookup', 'premierQueue'],
    end: 'premierQueue',
    reason: 'queued',
    vars: { tier: 'diamond', cardLast4: '6783' },
  });
});

test('the saved test keeps the call setup, inputs and mocks, and only the expectations the tester kept', () => {
  const script = {
    call: { caller: '+8613800138000', at: '2026-11-23T10:00:00+08:00', language: 'en-US' },
    inputs: ['2', '6225880123456783#'],
    mocks: { http: { crmLookup: { status: 200, body: { tier: 'diamond' } } } },
  };
  const saved = testCaseFromCall('  Diamond caller  ', script, proposeExpectations(trace), {
    visits: false,
    end: true,
    vars: ['tier'],
  });
  expect(saved).toEqual({
    name: 'Diamond caller',
    call: script.call,
    inputs: ['2', '6225880123456783#'],
    mocks: { http: { crmLookup: { status: 200, body: { tier: 'diamond' } } } },
    expect: { end: 'premierQueue', reason: 'queued', vars: { tier: 'diamond' } },
  });
  // The saved case does not share objects with the live call (editing mocks later must not change it).
  expect(saved.mocks?.http?.crmLookup).not.toBe(script.mocks.http.crmLookup);
});

test('a test name must be given, short enough, and not taken by another test of the flow', () => {
  const existing = [{ name: 'Diamond caller', expect: {} }];
  expect(testNameProblem('  ', existing)).toBe('empty');
  expect(testNameProblem('x'.repeat(201), existing)).toBe('tooLong');
  expect(testNameProblem('Diamond caller ', existing)).toBe('taken');
  expect(testNameProblem('Gold caller', existing)).toBeNull();
});

test('marks: revealed steps are visited, the last one active, taken ports light their edges', () => {
  const flow = {
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'welcome' },
      { id: 'e2', source: 'welcome', port: 'next', target: 'mainMenu' },
      { id: 'e3', source: 'mainMenu', port: '2', target: 'askCardNumber' },
      { id: 'e4', source: 'mainMenu', port: '1', target: 'lost' },
    ],
  };
  expect(simulationMarks(flow, trace, 3)).toEqual({
    nodes: { start: 'visited', welcome: 'visited', mainMenu: 'active' },
    edges: { e1: 'taken', e2: 'taken', e3: 'taken' },
    animatedEdges: { e1: true, e2: true, e3: true },
  });
});

test('transcript lines belong to their step; revealing two steps shows only the welcome', () => {
  expect(transcriptSteps(trace)).toEqual([1, 2, 2, 4, 5]);
  expect(revealedTranscript(trace, 2).map((l) => l.text)).toEqual(['Welcome']);
});
