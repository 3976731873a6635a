// A record node whose caller sends no audio (issue 14): FreeSWITCH ends the record on its silence threshold with nothing
// recorded, and the call leaves the node by its "nothing recorded" exit instead of waiting out the time limit.

import { asc, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { callEvents } from '../../../schemas/db';
import { flow, node, tts } from '../../flow-engine/support/build-flow';
import { testBackends } from '../../app/helpers/test-database';
import { addLine, endedCall, publish, useTestRuntime } from '../helpers/runtime-harness';

describe.each(testBackends)('runtime on $name: a recording with no audio', (backend) => {
  const runtime = useTestRuntime(backend);

  test('the record ends after its silence seconds and the call takes noInput', async () => {
    const document = flow(
      [
        node('vm', 'record', { prompt: tts('Leave a message after the tone'), maxSeconds: 60, silenceSeconds: 1 }),
        node('thanks', 'hangup', { prompt: tts('Thank you') }),
        node('nothing', 'hangup', { prompt: tts('We did not hear a message') }),
      ],
      ['start:next->vm', 'vm:recorded->thanks', 'vm:noInput->nothing'],
      { id: 'record-no-audio' },
    );
    await addLine(runtime.database.handle, '4008007001', (await publish(runtime.database.handle, document)).flowId);
    const trace = await runtime.harness.dial({ destination: '4008007001', callerAudio: false });
    const record = trace.apps.find((app) => app.app === 'record');
    // `record PATH 60 200 1`: a threshold and 1 s of silence, so FreeSWITCH ends it long before the 60 s limit.
    expect(record?.arg).toMatch(/ 60 200 1$/);
    expect(trace.lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/ended by 1 s of silence: 0 s recorded$/)]),
    );
    expect(trace.heard.filter((event) => event.kind === 'play').map((event) => event.text)).toEqual([
      'Leave a message after the tone',
      'We did not hear a message',
    ]);
    const row = await endedCall(runtime.database.db, trace.uuid);
    expect(row).toMatchObject({ endReason: 'hangup', endNode: 'nothing' });
    const ports = await runtime.database.db
      .select({ node: callEvents.nodeId, port: callEvents.port })
      .from(callEvents)
      .where(eq(callEvents.callId, row.id))
      .orderBy(asc(callEvents.seq));
    expect(ports.filter((event) => event.port !== null)).toContainEqual({ node: 'vm', port: 'noInput' });
  }, 60_000);
});
