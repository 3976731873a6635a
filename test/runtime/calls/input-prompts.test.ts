// Input prompts as a real FreeSWITCH plays them (issue 14 point 3a/3b): every piece in order, then keys; CDR keys masked.

import { asc, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { callEvents } from '../../../schemas/db';
import { flow, node, tts } from '../../flow-engine/support/build-flow';
import { testBackends } from '../../app/helpers/test-database';
import { addLine, endedCall, publish, useTestRuntime, type TestRuntime } from '../helpers/runtime-harness';

describe.each(testBackends)('runtime on $name: input prompts and keys FreeSWITCH can take', (backend) => {
  const runtime = useTestRuntime(backend);
  let lineNumber = 4008005000;

  const endOf = (channelUuid: string) => endedCall(runtime.database.db, channelUuid);

  async function portsOf(callId: string) {
    const events = await runtime.database.db
      .select()
      .from(callEvents)
      .where(eq(callEvents.callId, callId))
      .orderBy(asc(callEvents.seq));
    return events.filter((e) => e.type === 'port.taken').map((e) => `${e.nodeId}:${e.port}`);
  }

  async function line(document: ReturnType<typeof flow>): Promise<string> {
    const number = String(++lineNumber);
    await addLine(runtime.database.handle, number, (await publish(runtime.database.handle, document)).flowId);
    return number;
  }

  const menu = (id: string) =>
    flow(
      [
        node('menu', 'menu', {
          prompt: tts('Press 1 or 2'),
          options: [{ key: '1' }, { key: '2' }],
          noInputPrompt: tts('Sorry, I did not hear you.'),
          maxAttempts: 2,
        }),
        node('bye', 'hangup', { prompt: tts('Goodbye') }),
      ],
      ['start:next->menu', 'menu:1->bye', 'menu:2->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
      { id },
    );
  const played = (trace: Awaited<ReturnType<TestRuntime['dial']>>) =>
    trace.heard.flatMap((event) => (event.kind === 'play' ? [event.text] : []));

  test("a menu's second attempt plays the no-input prompt, then the menu, then takes the key", async () => {
    const trace = await runtime.harness.dial({ destination: await line(menu('second-attempt')), inputs: ['', '2'] });
    expect(played(trace)).toEqual(['Press 1 or 2', 'Sorry, I did not hear you.', 'Press 1 or 2', 'Goodbye']);
    expect(trace.lines.filter((l) => l.startsWith('prompt not played'))).toEqual([]);
    const call = await endOf(trace.uuid);
    expect(call).toMatchObject({ endReason: 'hangup', endNode: 'bye' });
    expect(await portsOf(call.id)).toEqual(['start:next', 'menu:2']);
  }, 60_000);

  test('a key during the retry prompt is the answer: the prompt stops and the menu leaves by that key', async () => {
    let pieces = 0;
    const trace = await runtime.harness.dial({
      destination: await line(menu('barge-retry')),
      inputs: [''],
      // The first piece played as its own application is the no-input prompt of the second attempt.
      duringPrompt: () => (++pieces === 1 ? { keys: '1' } : undefined),
    });
    expect(played(trace)).toEqual(['Press 1 or 2', 'Sorry, I did not hear you.', 'Goodbye']);
    expect(await portsOf((await endOf(trace.uuid)).id)).toEqual(['start:next', 'menu:1']);
  }, 60_000);

  test('a collect prompt of text, a spoken number and text plays every piece in order, then takes the digits', async () => {
    const document = flow(
      [
        node('amount', 'collect', {
          prompt: {
            parts: [
              { tts: { 'en-US': 'You owe' } },
              { sayAs: 'number', value: '42' },
              { tts: { 'en-US': 'Enter your PIN' } },
            ],
          },
          variable: 'pin',
          maxDigits: 4,
        }),
        node('bye', 'hangup'),
        node('bad', 'hangup'),
      ],
      ['start:next->amount', 'amount:ok->bye', 'amount:invalid->bad', 'amount:noInput->bad'],
      { id: 'collect-parts', variables: [{ name: 'pin', type: 'string' }] },
    );
    const trace = await runtime.harness.dial({ destination: await line(document), inputs: ['1234#'] });
    expect(played(trace)).toEqual(['You owe', '42', 'Enter your PIN']);
    expect(trace.apps.map((a) => a.app).filter((a) => ['speak', 'say', 'play_and_get_digits'].includes(a))).toEqual([
      'speak',
      'say',
      'play_and_get_digits',
    ]);
    expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'hangup', endNode: 'bye' });
  }, 60_000);

  test('an input FreeSWITCH completes without a result while the caller is on the line ends in error with the reason logged, not callerHangup', async () => {
    // mod_ssml is not loaded: FreeSWITCH cannot open a tts:// prompt (outbound-play-and-get-digits-file-string-say.txt).
    const document = flow(
      [
        node('menu', 'menu', { prompt: { audio: { 'en-US': 'tts://flite|kal|Press one' } }, options: [{ key: '1' }] }),
        node('bye', 'hangup'),
      ],
      ['start:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
      { id: 'unplayable' },
    );
    const trace = await runtime.harness.dial({ destination: await line(document), inputs: ['1'] });
    expect(trace.endedBy).toBe('runtime');
    const call = await endOf(trace.uuid);
    expect(call.endReason).toBe('error');
    expect(call.endDetail).toContain('without a result');
    expect(runtime.harness.logs.filter((l) => l.includes(trace.uuid))).toContainEqual(
      expect.stringContaining('could not be played'),
    );
  }, 60_000);

  test("a sensitive collect keeps its keys out of FreeSWITCH's digits_dialed; the menu key after it is recorded", async () => {
    const document = flow(
      [
        node('card', 'collect', {
          prompt: tts('Enter your card number'),
          variable: 'card',
          sensitive: true,
          minDigits: 16,
          maxDigits: 16,
        }),
        node('menu', 'menu', { prompt: tts('Press 1 to pay'), options: [{ key: '1' }] }),
        node('bye', 'hangup'),
        node('bad', 'hangup'),
      ],
      [
        'start:next->card',
        'card:ok->menu',
        'card:invalid->bad',
        'card:noInput->bad',
        'menu:1->bye',
        'menu:noInput->bad',
        'menu:invalid->bad',
      ],
      { id: 'cdr-card', variables: [{ name: 'card', type: 'string', sensitive: true }] },
    );
    const trace = await runtime.harness.dial({ destination: await line(document), inputs: ['4532015112830366#', '1'] });
    expect(trace.variables.digits_dialed).toBe('1');
    expect(JSON.stringify(trace.variables)).not.toContain('4532015112830366');
    expect(trace.variables).not.toHaveProperty('sensitive_dtmf');
    expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'hangup', endNode: 'bye' });
  }, 60_000);
});
