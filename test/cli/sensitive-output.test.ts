// The CLI's outputs (simulate, test and compile, human and --json) never carry a card number typed at a sensitive collect.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cardNumber, leakedParts } from '../flow-engine/property/card-numbers';
import { runCli } from './run-cli';

const [card, otherCard] = fc.sample(cardNumber, 2) as [string, string];
const dir = mkdtempSync(join(tmpdir(), 'callflow-sensitive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tts = (text: string) => ({ tts: { 'en-US': text } });
const at = (x: number) => ({ x, y: 0 });
const flowFile = join(dir, 'pay.json');
writeFileSync(
  flowFile,
  JSON.stringify({
    schemaVersion: 1,
    id: 'pay',
    name: 'Pay by card',
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [
      { name: 'card', type: 'string', sensitive: true },
      { name: 'last4', type: 'string' },
      { name: 'saved', type: 'string', sensitive: true, default: otherCard },
    ],
    nodes: [
      { id: 'start', type: 'start', position: at(0), config: {} },
      {
        id: 'ask',
        type: 'collect',
        position: at(1),
        config: {
          prompt: tts('Card number'),
          variable: 'card',
          minDigits: 16,
          maxDigits: 16,
          sensitive: true,
          luhn: true,
        },
      },
      {
        id: 'cut',
        type: 'set',
        position: at(2),
        config: { assignments: [{ variable: 'last4', value: 'card.substring(12)' }] },
      },
      {
        id: 'charge',
        type: 'http',
        position: at(3),
        config: { url: 'https://pay.example.com/charge/{{card}}', query: { last: '{{last4}}' } },
      },
      {
        id: 'confirm',
        type: 'play',
        position: at(4),
        config: { prompt: tts('Card ending {{last4}} charged, saved card {{saved}}') },
      },
      { id: 'bye', type: 'hangup', position: at(5), config: { prompt: tts('Goodbye') } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', port: 'ok', target: 'cut' },
      { id: 'e3', source: 'ask', port: 'invalid', target: 'bye' },
      { id: 'e4', source: 'ask', port: 'noInput', target: 'bye' },
      { id: 'e5', source: 'cut', port: 'next', target: 'charge' },
      { id: 'e6', source: 'charge', port: 'ok', target: 'confirm' },
      { id: 'e7', source: 'charge', port: 'error', target: 'confirm' },
      { id: 'e8', source: 'charge', port: 'timeout', target: 'confirm' },
      { id: 'e9', source: 'confirm', port: 'next', target: 'bye' },
    ],
    tests: [
      {
        name: 'A card is charged',
        inputs: [`${card}#`],
        mocks: { http: { charge: { status: 200 } } },
        expect: { visits: ['confirm'], end: 'bye', vars: { last4: '••••' } },
      },
      {
        name: 'A failing expectation',
        inputs: [`${card}#`],
        expect: { reason: 'transferred', vars: { card: '1234' } },
      },
    ],
  }),
);

describe('CLI output with a card number', () => {
  it.each([
    ['simulate', ['simulate', flowFile, '--input', `${card}#`]],
    ['test', ['test', flowFile]],
    ['test --json', ['test', flowFile, '--json']],
    ['compile', ['compile', flowFile]],
    ['validate --json', ['validate', flowFile, '--json']],
  ])('%s prints no part of the card numbers', async (_name, args) => {
    const run = await runCli(args, dir);
    expect(run.stderr).toBe('');
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(leakedParts(run.stdout, card)).toEqual([]);
    expect(leakedParts(run.stdout, otherCard)).toEqual([]);
  });

  it('simulate --json prints no part of the card numbers and keeps the words around the masked digits', async () => {
    const run = await runCli(['simulate', flowFile, '--input', `${card}#`, '--json'], dir);
    expect(leakedParts(run.stdout, card)).toEqual([]);
    expect(leakedParts(run.stdout, otherCard)).toEqual([]);
    const trace = JSON.parse(run.stdout) as {
      transcript: { node: string; kind: string; text: string }[];
      vars: Record<string, unknown>;
    };
    expect(trace.transcript.find((t) => t.node === 'confirm')?.text).toBe('Card ending •••• charged, saved card ••••');
    expect(trace.transcript.find((t) => t.node === 'charge')?.text).toBe(
      'GET https://pay.example.com/charge/••••?last=•••• → no mock',
    );
    expect(trace.vars).toEqual({ card: '••••', last4: '••••', saved: '••••' });
  });
});
