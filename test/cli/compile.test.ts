// `callflow compile`: prints the XState machine config of a valid flow as JSON.

import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('callflow compile', () => {
  it('prints a machine config with one state per node, subflow nodes nested under their subflow state', async () => {
    const run = await runCli(['compile', 'hotline/hotline.json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const config = JSON.parse(run.stdout) as {
      id: string;
      initial: string;
      context: { variables: Record<string, unknown>; language: string };
      states: Record<string, { states?: Record<string, unknown> }>;
    };
    expect([config.id, config.initial]).toEqual(['callflow', 'start']);
    expect(config.context).toEqual({ variables: { tier: null }, language: 'zh-CN' });
    const nodeIds = [
      'start',
      'hours',
      'menu',
      'crmLookup',
      'tierCheck',
      'vipQueue',
      'salesQueue',
      'identify',
      'goodbye',
      'closed',
    ];
    expect(Object.keys(config.states)).toEqual(expect.arrayContaining(nodeIds));
    expect(Object.keys(config.states.identify?.states ?? {})).toEqual(
      expect.arrayContaining(['identify/start', 'identify/accountInfo']),
    );
  });
});
