// Every node type end to end: the ESL simulator places calls over TCP into a runtime on a real database.

import http from 'node:http';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callbackRequests, callEvents, queueEntries } from '../../../schemas/db';
import { flow, node, tts } from '../../flow-engine/support/build-flow';
import { testBackends, type TestDatabase } from '../../app/helpers/test-database';
import {
  addIntegration,
  addLine,
  addSkillGroup,
  endedCall,
  publish,
  startTestRuntime,
  type TestRuntime,
} from '../helpers/runtime-harness';

describe.each(testBackends)('runtime on $name: every node type over ESL', (backend) => {
  let database: TestDatabase;
  let harness: TestRuntime;
  let web: http.Server;
  let webPort: number;

  beforeAll(async () => {
    database = await backend.open();
    harness = await startTestRuntime(database.handle, {
      CALLFLOW_ASR_ENGINE: 'unimrcp',
      CALLFLOW_RECORD_CALLS: 'true',
    });
    web = http.createServer((req, res) => {
      if (req.headers['x-api-key'] !== 'crm-s3cret') {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ tier: req.url?.includes('1001') ? 'vip' : 'normal' }));
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webPort = (web.address() as import('node:net').AddressInfo).port;
  });

  afterAll(async () => {
    await harness?.stop();
    web?.close();
    await database?.close();
  });

  const endOf = (channelUuid: string) => endedCall(database.db, channelUuid);

  async function eventsOf(callId: string) {
    return database.db.select().from(callEvents).where(eq(callEvents.callId, callId)).orderBy(asc(callEvents.seq));
  }

  test('play, menu and hangup: the caller hears the prompts, keys 1, and the call and its events are stored', async () => {
    const f = flow(
      [
        node('hello', 'play', { prompt: tts('Welcome to the helpdesk') }),
        node('menu', 'menu', { prompt: tts('Press 1 for help'), options: [{ key: '1' }] }),
        node('bye', 'hangup', { prompt: tts('Goodbye') }),
      ],
      ['start:next->hello', 'hello:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
      { id: 'e2e-menu' },
    );
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '+86 400 800-1001', flowId);
    const trace = await harness.dial({ destination: '864008001001', inputs: ['1'] });
    expect(trace.lines).toContain('spoke: Welcome to the helpdesk');
    expect(trace.lines).toContain('caller keyed: 1');
    expect(trace.lines).toContain('spoke: Goodbye');
    expect(trace.endedBy).toBe('runtime');
    const call = await endOf(trace.uuid);
    expect(call).toMatchObject({ endReason: 'hangup', endNode: 'bye', flowId, flowVersion: 1, number: '864008001001' });
    const events = await eventsOf(call.id);
    expect(events.filter((e) => e.type === 'port.taken').map((e) => `${e.nodeId}:${e.port}`)).toEqual([
      'start:next',
      'hello:next',
      'menu:1',
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  test('collect, set, condition, schedule and region: digits flow through the logic nodes to the matching port', async () => {
    const f = flow(
      [
        node('pin', 'collect', {
          prompt: tts('Enter your PIN'),
          variable: 'pin',
          minDigits: 4,
          maxDigits: 6,
          sensitive: true,
        }),
        node('mark', 'set', { assignments: [{ variable: 'tier', value: 'pin == "4321" ? "vip" : "normal"' }] }),
        node('vip', 'condition', { rules: [{ name: 'vip', when: 'tier == "vip"' }] }),
        node('hours', 'schedule', {
          schedule: {
            timezone: 'UTC',
            weekly: {
              mon: [{ from: '00:00', to: '24:00' }],
              tue: [{ from: '00:00', to: '24:00' }],
              wed: [{ from: '00:00', to: '24:00' }],
              thu: [{ from: '00:00', to: '24:00' }],
              fri: [{ from: '00:00', to: '24:00' }],
              sat: [{ from: '00:00', to: '24:00' }],
              sun: [{ from: '00:00', to: '24:00' }],
            },
          },
        }),
        node('where', 'region', { regions: [{ name: 'beijing', prefixes: ['+8610'] }] }),
        node('ok', 'hangup'),
        node('bad', 'hangup'),
      ],
      [
        'start:next->pin',
        'pin:ok->mark',
        'pin:invalid->bad',
        'pin:noInput->bad',
        'mark:next->vip',
        'vip:vip->hours',
        'vip:else->bad',
        'hours:open->where',
        'hours:closed->bad',
        'hours:holiday->bad',
        'where:beijing->ok',
        'where:other->bad',
      ],
      {
        id: 'e2e-logic',
        variables: [
          { name: 'pin', type: 'string', sensitive: true },
          { name: 'tier', type: 'string' },
        ],
      },
    );
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '4008001002', flowId);
    const trace = await harness.dial({ destination: '4008001002', caller: '+861088886666', inputs: ['4321#'] });
    const call = await endOf(trace.uuid);
    expect(call).toMatchObject({ endReason: 'hangup', endNode: 'ok' });
    const events = await eventsOf(call.id);
    expect(JSON.stringify(events)).not.toContain('4321');
    expect(events.find((e) => e.type === 'input.outcome')).toMatchObject({
      nodeId: 'pin',
      data: { outcome: 'accepted', value: '••••' },
    });
    // The call recording is masked while the PIN is keyed in.
    const recording = `/var/lib/freeswitch/recordings/callflow/${trace.uuid}.wav`;
    const masked = trace.lines.indexOf(`record_session_mask ${recording}`);
    expect(masked).toBeGreaterThan(-1);
    expect(trace.lines.indexOf('caller keyed: 4321#')).toBeGreaterThan(masked);
    expect(trace.lines.indexOf(`record_session_unmask ${recording}`)).toBeGreaterThan(
      trace.lines.indexOf('caller keyed: 4321#'),
    );
  });

  test('speech: the recognised phrase picks the intent; record: the file is recorded', async () => {
    const f = flow(
      [
        node('ask', 'speech', { prompt: tts('How can I help?'), intents: [{ name: 'billing', phrases: ['bill'] }] }),
        node('vm', 'record', { prompt: tts('Leave a message'), maxSeconds: 30 }),
        node('done', 'hangup'),
        node('x', 'hangup'),
      ],
      ['start:next->ask', 'ask:billing->vm', 'ask:noMatch->x', 'ask:noInput->x', 'vm:recorded->done', 'vm:noInput->x'],
      { id: 'e2e-speech' },
    );
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '4008001003', flowId);
    const trace = await harness.dial({
      destination: '4008001003',
      inputs: [{ say: 'a question about my bill' }],
      asr: true,
      recordSeconds: 4,
    });
    expect(trace.lines).toContain('caller said: a question about my bill');
    expect(trace.lines).toContainEqual(
      expect.stringMatching(/^recorded 4 s to \/var\/lib\/freeswitch\/recordings\/callflow\//),
    );
    expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'hangup', endNode: 'done' });
  });

  test('transfer: a busy far end leaves by busy (the caller stays up), an answered one ends the call as transferred', async () => {
    const f = flow(
      [
        node('t', 'transfer', { to: '+861088886666', timeoutSeconds: 20 }),
        node('sorry', 'play', { prompt: tts('The line is busy') }),
        node('again', 'transfer', { to: '+861088887777' }),
        node('x', 'hangup'),
      ],
      [
        'start:next->t',
        't:busy->sorry',
        't:noAnswer->x',
        't:failed->x',
        'sorry:next->again',
        'again:busy->x',
        'again:noAnswer->x',
        'again:failed->x',
      ],
      { id: 'e2e-transfer' },
    );
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '4008001004', flowId);
    const trace = await harness.dial({ destination: '4008001004', bridges: ['busy', 'answered'] });
    expect(trace.lines).toEqual(
      expect.arrayContaining([
        'bridge to sofia/gateway/pstn/+861088886666: busy',
        'spoke: The line is busy',
        'bridge to sofia/gateway/pstn/+861088887777: answered',
      ]),
    );
    expect(trace.variables.continue_on_fail).toBe('true');
    expect(trace.variables.callflow_end).toBe('transferred@again');
    expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'transferred', endNode: 'again' });
  });

  test('http: an integration that allows internal hosts reaches the local service with its secret injected server-side; one that does not is refused', async () => {
    await addIntegration(database.db, 'crm', `http://127.0.0.1:${webPort}`, true, {
      header: 'X-Api-Key',
      value: 'crm-s3cret',
    });
    await addIntegration(database.db, 'strict', `http://127.0.0.1:${webPort}`, false);
    const f = flow(
      [
        node('crm', 'http', {
          integration: { ref: 'crm' },
          url: '/customers/{{call.caller}}',
          outputs: [{ variable: 'tier', value: 'response.body.tier' }],
        }),
        node('strict', 'http', { integration: { ref: 'strict' }, url: '/customers/{{call.caller}}' }),
        node('blocked', 'hangup'),
        node('x', 'hangup'),
      ],
      [
        'start:next->crm',
        'crm:ok->strict',
        'crm:error->x',
        'crm:timeout->x',
        'strict:ok->x',
        'strict:error->blocked',
        'strict:timeout->x',
      ],
      { id: 'e2e-http', variables: [{ name: 'tier', type: 'string' }] },
    );
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '4008001005', flowId);
    const trace = await harness.dial({ destination: '4008001005', caller: '1001' });
    const call = await endOf(trace.uuid);
    expect(call).toMatchObject({ endReason: 'hangup', endNode: 'blocked' });
    const ports = (await eventsOf(call.id)).filter((e) => e.type === 'port.taken').map((e) => `${e.nodeId}:${e.port}`);
    expect(ports).toEqual(['start:next', 'crm:ok', 'strict:error']);
    expect(JSON.stringify(await eventsOf(call.id))).not.toContain('crm-s3cret');
    expect(harness.logs.join('\n')).not.toContain('crm-s3cret');
  });

  test('queue: an available agent answers (bridged to the longest idle); with no agent logged in the call leaves by noAgents', async () => {
    await addSkillGroup(database.db, 'sales', 2);
    await addSkillGroup(database.db, 'night', 1, 'offline');
    const f = flow(
      [
        node('q', 'queue', { skillGroup: { ref: 'sales' }, prompt: tts('Please hold') }),
        node('q2', 'queue', { skillGroup: { ref: 'night' } }),
        node('none', 'hangup'),
        node('x', 'hangup'),
      ],
      [
        'start:next->q2',
        'q2:noAgents->q',
        'q2:overflow->x',
        'q2:callback->x',
        'q:overflow->x',
        'q:noAgents->x',
        'q:callback->x',
      ],
      { id: 'e2e-queue' },
    );
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '4008001006', flowId);
    const trace = await harness.dial({ destination: '4008001006' });
    expect(trace.lines).toContain('bridge to loopback/sales-agent-0/default: answered');
    expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'queued', endNode: 'q' });
    const entries = await database.db.select().from(queueEntries).where(eq(queueEntries.channelUuid, trace.uuid));
    expect(entries.map((e) => e.status)).toEqual(['answered']);
  });

  test('callback: the request is stored for the dialer', async () => {
    const f = flow(
      [node('cb', 'callback', { prompt: tts('We will call you back') }), node('ok', 'hangup'), node('x', 'hangup')],
      ['start:next->cb', 'cb:scheduled->ok', 'cb:failed->x'],
      { id: 'e2e-callback' },
    );
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '4008001007', flowId);
    const trace = await harness.dial({ destination: '4008001007', caller: '+8613800138000' });
    expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'hangup', endNode: 'ok' });
    const [request] = await database.db
      .select()
      .from(callbackRequests)
      .where(eq(callbackRequests.channelUuid, trace.uuid));
    expect(request).toMatchObject({ number: '+8613800138000', when: 'asap', status: 'pending', node: 'cb', flowId });
  });

  test('GET /healthz answers ok and GET /metrics counts calls by end reason and effect latency', async () => {
    const { host, port } = harness.runtime.httpAddress;
    const health = await fetch(`http://${host}:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok', spooledEvents: 0 });
    const metrics = await (await fetch(`http://${host}:${port}/metrics`)).text();
    expect(metrics).toMatch(/callflow_calls_total\{reason="hangup"\} [1-9]/);
    expect(metrics).toMatch(/callflow_effect_duration_seconds_count\{effect="collect"\} [1-9]/);
    // The timed effects are those the node types list (flow-engine's machineEffects): the start node's answer too.
    expect(metrics).toMatch(/callflow_effect_duration_seconds_count\{effect="answer"\} [1-9]/);
    // `now` answers at once (no promise): it is not timed.
    expect(metrics).not.toContain('effect="now"');
    expect(metrics).toContain('callflow_active_calls');
    expect(metrics).toContain('callflow_event_write_lag_seconds_bucket');
  });

  test('an unknown number hears the announcement and is hung up with UNALLOCATED_NUMBER, and it is logged', async () => {
    const trace = await harness.dial({ destination: '4009999999' });
    expect(trace.lines).toContain('spoke: The number you have dialled is not in service.');
    expect(trace.hangupCause).toBe('UNALLOCATED_NUMBER');
    expect(harness.logs).toContainEqual(expect.stringContaining('no line serves 4009999999 (noLine)'));
  });
});
