// `callflow simulate`: the human transcript, the --json trace shape, inputs in command-line order, mocks.

import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

interface Trace {
  path: string[];
  steps: { node: string; type: string; port: string | null }[];
  end: { node: string; reason: string; detail?: string };
  vars: Record<string, unknown>;
  transcript: { node: string; kind: string; text: string }[];
}

const parseTrace = (stdout: string) => JSON.parse(stdout) as Trace;

describe('callflow simulate', () => {
  it('prints what the caller heard, the path with ports, the end and the variables', async () => {
    const run = await runCli([
      'simulate',
      'hotline/hotline.json',
      '--caller',
      '+8613800138000',
      '--at',
      '2026-11-23T10:00:00+08:00',
      '--input',
      '1',
      '--mock',
      'hotline/mocks/vip-caller.json',
    ]);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Simulated call of flow "retail-hotline"',
        '  menu       plays   订单查询请按1，账户信息请按2。',
        '  menu       caller  1',
        '  crmLookup  event   GET https://crm.example.com/api/customers/%2B8613800138000 → 200',
        '  vipQueue   event   queue vip (priority 0) → answered after 40 s',
        '',
        'Path: start [next] → hours [open] → menu [1] → crmLookup [ok] → tierCheck [vip] → vipQueue [answered]',
        'Ended: queued at vipQueue',
        'Variables:',
        '  tier = "vip"',
        '',
      ].join('\n'),
    });
  });

  it('--json prints the trace; --lang, silence and the subflow from resources/resources.json all take effect', async () => {
    const run = await runCli([
      'simulate',
      'hotline/hotline.json',
      '--at',
      '2026-11-23T10:00:00+08:00',
      '--lang',
      'en-US',
      '--input',
      '',
      '--input',
      '2',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const trace = parseTrace(run.stdout);
    expect(trace.path).toEqual([
      'start',
      'hours',
      'menu',
      'identify',
      'identify/start',
      'identify/accountInfo',
      'goodbye',
    ]);
    expect(trace.steps.slice(2, 4)).toEqual([
      { node: 'menu', type: 'menu', port: '2' },
      { node: 'identify', type: 'subflow', port: 'next' },
    ]);
    expect(trace.end).toEqual({ node: 'goodbye', reason: 'hangup' });
    expect(trace.vars).toEqual({ tier: null });
    expect(trace.transcript.filter((t) => t.kind === 'heard').map((t) => t.text)).toHaveLength(2);
    expect(trace.transcript.filter((t) => t.kind === 'played').map((t) => t.text)).toContain(
      'Your account is in good standing.',
    );
  });

  it('uses --say, --input and --hangup in the order they are typed', async () => {
    const flow = 'interleave/speech-then-keys.json';
    const [sayThenKey, keyThenSay, sayThenHangup] = await Promise.all([
      runCli(['simulate', flow, '--say', 'billing', '--input', '1', '--json']),
      runCli(['simulate', flow, '--input', '1', '--say', 'billing', '--json']),
      runCli(['simulate', flow, '--say', 'billing', '--hangup', '--json']),
    ]);
    const first = parseTrace(sayThenKey.stdout);
    expect([first.path, first.end, first.vars]).toEqual([
      ['start', 'ask', 'payMenu', 'paid'],
      { node: 'paid', reason: 'hangup' },
      { said: 'billing' },
    ]);
    // The key arrives at the speech question, which has no intent for it; the speech is never used.
    const second = parseTrace(keyThenSay.stdout);
    expect([second.path, second.end]).toEqual([['start', 'ask', 'bye'], { node: 'bye', reason: 'hangup' }]);
    const third = parseTrace(sayThenHangup.stdout);
    expect([third.path, third.end]).toEqual([['start', 'ask', 'payMenu'], { node: 'payMenu', reason: 'callerHangup' }]);
  });

  it('an unmocked HTTP request leaves by its error port, as the simulator defaults say', async () => {
    const run = await runCli([
      'simulate',
      'hotline/hotline.json',
      '--at',
      '2026-11-23T10:00:00+08:00',
      '--input',
      '1',
      '--json',
    ]);
    const trace = parseTrace(run.stdout);
    expect(trace.steps.find((s) => s.node === 'crmLookup')).toEqual({ node: 'crmLookup', type: 'http', port: 'error' });
    expect(trace.end).toEqual({ node: 'salesQueue', reason: 'queued' });
  });

  it('an HTTP mock whose delayMs reaches the node timeout (5 s) leaves by the timeout port', async () => {
    const run = await runCli([
      'simulate',
      'hotline/hotline.json',
      '--at',
      '2026-11-23T10:00:00+08:00',
      '--input',
      '1',
      '--mock',
      'hotline/mocks/slow-crm.json',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const trace = parseTrace(run.stdout);
    expect(trace.steps.find((s) => s.node === 'crmLookup')).toEqual({
      node: 'crmLookup',
      type: 'http',
      port: 'timeout',
    });
    expect(trace.vars.tier).not.toBe('vip');
  });
});
