// `callflow test`: pass/fail per case with reasons, coverage with missed ids, exit codes and the --json shape.

import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('callflow test', () => {
  it('prints each case, the failure reasons, coverage and a total, and exits 1 when any case fails', async () => {
    const run = await runCli(['test', 'hotline/hotline.json', 'failing/failing-test.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'hotline/hotline.json (flow "retail-hotline")',
      '  ✓ a VIP caller in opening hours reaches the VIP queue',
      '  ✓ a caller on Sunday hears that the line is closed',
      '  ✓ a silent caller hears goodbye after two attempts',
      '  3 passed, 0 failed',
    ]);
    expect(lines[5]).toBe('  nodes covered: 8/10 (80%); not reached: salesQueue, identify');
    expect(lines[6]).toMatch(/^ {2}edges covered: 7\/20 \(35%\); not reached: e-holiday, e-account, /);
    // Exits are counted connected or not: salesQueue's are never taken because no test reaches it.
    expect(lines[7]).toMatch(
      /^ {2}exits covered: 8\/22 \(36%\); not reached: hours\.holiday, menu\.2, menu\.invalid, .*salesQueue\.answered/,
    );
    expect(lines.slice(8, 13)).toEqual([
      '',
      'failing/failing-test.json (flow "front-desk")',
      '  ✓ pressing 2 says goodbye',
      '  ✗ pressing 1 is expected to say goodbye but reaches sales',
      expect.stringMatching(/^ {6}- .*"bye"/),
    ]);
    expect(lines).toContain('      - Expected the call to end at "bye", but it ended at "sales" (transferred).');
    expect(lines).toContain('  1 passed, 1 failed');
    expect(lines).toContain('  nodes covered: 4/5 (80%); not reached: operator');
    expect(lines.slice(-3)).toEqual(['', 'Total: 4 passed, 1 failed in 2 flows', '']);
  });

  it('--json prints one report per file and exits 0 when every case passes', async () => {
    const run = await runCli(['test', 'hotline/hotline.json', '--json']);
    expect(run.code).toBe(0);
    const [report] = JSON.parse(run.stdout) as {
      file: string;
      flow: string;
      passed: number;
      failed: number;
      cases: { name: string; passed: boolean; failures: string[]; trace: { end: { node: string } } }[];
      coverage: { nodes: { covered: number; total: number; missed: string[] }; edges: { missed: string[] } };
    }[];
    if (!report) throw new Error(`callflow test --json printed no report: ${run.stdout}`);
    expect([report.file, report.flow, report.passed, report.failed]).toEqual([
      'hotline/hotline.json',
      'retail-hotline',
      3,
      0,
    ]);
    expect(report.cases.map((c) => [c.name, c.passed, c.failures, c.trace.end.node])).toEqual([
      ['a VIP caller in opening hours reaches the VIP queue', true, [], 'vipQueue'],
      ['a caller on Sunday hears that the line is closed', true, [], 'closed'],
      ['a silent caller hears goodbye after two attempts', true, [], 'goodbye'],
    ]);
    expect(report.coverage.nodes).toEqual({ covered: 8, total: 10, missed: ['salesQueue', 'identify'] });
    expect(report.coverage.edges.missed).toContain('e-identified');
  });

  it('a flow without test cases says so, passes, and reports nothing covered', async () => {
    const run = await runCli(['test', 'interleave/speech-then-keys.json']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'interleave/speech-then-keys.json (flow "speech-then-keys")',
      '  no test cases in this flow',
      '  0 passed, 0 failed',
      '  nodes covered: 0/5 (0%); not reached: start, ask, payMenu, paid, bye',
    ]);
  });
});
