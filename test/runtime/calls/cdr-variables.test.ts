// The flow's variables reach the channel as callflow_var_<name> for CDRs; sensitive and tainted ones never do.

import { describe, expect, test } from 'vitest';
import { flow, node, tts } from '../../flow-engine/support/build-flow';
import { testBackends } from '../../app/helpers/test-database';
import { addLine, publish, useTestRuntime } from '../helpers/runtime-harness';
import { CDR_VALUE_MAX } from '../../../runtime/calls/cdr-variables';

describe.each(testBackends)('runtime on $name: CDR channel variables', (backend) => {
  const runtime = useTestRuntime(backend);

  const variables = [
    { name: 'pin', type: 'string' as const, sensitive: true },
    { name: 'pinCopy', type: 'string' as const },
    { name: 'reason', type: 'string' as const },
    { name: 'note', type: 'string' as const },
    { name: 'long', type: 'string' as const },
    { name: 'unset', type: 'string' as const },
  ];
  const assignments = [
    { variable: 'pinCopy', value: 'pin' },
    { variable: 'reason', value: '"billing"' },
    { variable: 'note', value: '"called about the bill"' },
    { variable: 'long', value: `"${'x'.repeat(300)}"` },
  ];

  test('the flow hangs up: non-sensitive variables are on the channel, the keyed PIN and its copy are not, long values are cut', async () => {
    const f = flow(
      [
        node('pin', 'collect', { prompt: tts('Enter your PIN'), variable: 'pin', minDigits: 4, maxDigits: 6 }),
        node('mark', 'set', { assignments }),
        node('bye', 'hangup', { prompt: tts('Goodbye') }),
        node('bad', 'hangup'),
      ],
      ['start:next->pin', 'pin:ok->mark', 'pin:invalid->bad', 'pin:noInput->bad', 'mark:next->bye'],
      { id: 'cdr-hangup', variables },
    );
    const { flowId } = await publish(runtime.database.handle, f);
    await addLine(runtime.database.handle, '4008002001', flowId);
    const trace = await runtime.harness.dial({ destination: '4008002001', inputs: ['4321#'] });
    expect(trace.variables.callflow_end).toBe('hangup@bye');
    expect(trace.variables.callflow_var_reason).toBe('billing');
    expect(trace.variables.callflow_var_note).toBe('called about the bill');
    expect(trace.variables.callflow_var_long).toBe('x'.repeat(CDR_VALUE_MAX));
    for (const name of ['callflow_var_pin', 'callflow_var_pinCopy', 'callflow_var_unset', 'callflow_var_call'])
      expect(trace.variables).not.toHaveProperty(name);
    // Nothing on the channel holds the PIN: not the flow's variables, not the digits play_and_get_digits left behind.
    expect(JSON.stringify(trace.variables)).not.toContain('4321');
  }, 60_000);

  test('the call ends after an answered transfer: the runtime sets the variables with the path before its own hangup', async () => {
    const f = flow(
      [
        node('pin', 'collect', { prompt: tts('Enter your PIN'), variable: 'pin', minDigits: 4, maxDigits: 6 }),
        node('mark', 'set', { assignments }),
        node('agent', 'transfer', { to: '+861088886666' }),
        node('bad', 'hangup'),
      ],
      [
        'start:next->pin',
        'pin:ok->mark',
        'pin:invalid->bad',
        'pin:noInput->bad',
        'mark:next->agent',
        'agent:busy->bad',
        'agent:noAnswer->bad',
        'agent:failed->bad',
      ],
      { id: 'cdr-transfer', variables },
    );
    const { flowId } = await publish(runtime.database.handle, f);
    await addLine(runtime.database.handle, '4008002002', flowId);
    const trace = await runtime.harness.dial({ destination: '4008002002', inputs: ['4321#'], bridges: ['answered'] });
    expect(trace.variables.callflow_end).toBe('transferred@agent');
    expect(trace.variables.callflow_var_reason).toBe('billing');
    expect(trace.variables).not.toHaveProperty('callflow_var_pin');
    expect(trace.variables).not.toHaveProperty('callflow_var_pinCopy');
    expect(JSON.stringify(trace.variables)).not.toContain('4321');
  }, 60_000);
});
