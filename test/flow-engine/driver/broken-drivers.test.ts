// The contract catches broken drivers: each deliberately broken driver fails the cases about what it gets wrong.

import { describe, expect, test } from 'vitest';
import { CallerHangupError, type CallDriver } from '../../../flow-engine/driver';
import { simulatorDriver, type SimulatedCall } from '../../../flow-engine/simulator';
import { asynchronous } from './asynchronous-driver';
import { checkDriverContract, driverContractCases, type ContractVerdict } from './run-driver-contract';
import { simulatorHarness } from './simulator-harness';

const caseNamed = (start: string): string => {
  const found = driverContractCases.find((c) => c.name.startsWith(start));
  if (!found) throw new Error(`no contract case starts with "${start}"`);
  return found.name;
};

const failed = (verdicts: ContractVerdict[]) => verdicts.filter((v) => !v.passed).map((v) => v.name);

/** Plays nothing at all and reads keys past the terminator: what the old contract let through. */
const silentDriver: CallDriver<SimulatedCall> = {
  ...simulatorDriver,
  play() {},
  collect(request, { session }) {
    const input = session.nextInput();
    if (input === undefined || (typeof input === 'object' && 'hangup' in input)) throw new CallerHangupError();
    if (typeof input !== 'string' || input === '') return { kind: 'timeout' };
    return { kind: 'digits', digits: input.slice(0, request.maxDigits) };
  },
  hangup() {},
};

/** Keeps keys pressed during a play and hands them to the next input (type-ahead kept, against the rule). */
const typeAhead = new WeakMap<SimulatedCall, string>();
const typeAheadDriver: CallDriver<SimulatedCall> = {
  ...simulatorDriver,
  play(request, context) {
    void simulatorDriver.play(request, context);
    const keys = context.session.options.keysDuringPrompt?.[request.node];
    if (keys) typeAhead.set(context.session, keys);
  },
  collect(request, context) {
    const kept = typeAhead.get(context.session);
    if (kept === undefined) return simulatorDriver.collect(request, context);
    typeAhead.delete(context.session);
    context.session.nextInput();
    return { kind: 'digits', digits: kept.slice(0, request.maxDigits) };
  },
};

/** Treats a caller hangup during the bridge as a hangup while waiting. */
const bridgeHangupDriver: CallDriver<SimulatedCall> = {
  ...simulatorDriver,
  enqueue(request, context) {
    if (context.session.hangsUpDuring(request.node, 'bridge')) throw new CallerHangupError();
    return simulatorDriver.enqueue(request, context);
  },
  transfer(request, context) {
    if (context.session.hangsUpDuring(request.node, 'bridge')) throw new CallerHangupError();
    return simulatorDriver.transfer(request, context);
  },
};

/** Reports a busy far end as a failure, and answers queues with no agents as overflow. */
const wrongOutcomesDriver: CallDriver<SimulatedCall> = {
  ...simulatorDriver,
  transfer(request, context) {
    const result = simulatorDriver.transfer(request, context) as Awaited<ReturnType<CallDriver['transfer']>>;
    return result.outcome === 'busy' ? { outcome: 'failed' } : result;
  },
  enqueue(request, context) {
    const result = simulatorDriver.enqueue(request, context) as Awaited<ReturnType<CallDriver['enqueue']>>;
    return result.outcome === 'noAgents' ? { outcome: 'overflow', waitSeconds: result.waitSeconds } : result;
  },
};

/** Never answers the line (and so never opens early media either). */
const unansweredDriver: CallDriver<SimulatedCall> = { ...simulatorDriver, answer() {} };

/** Keeps "the current call" in one shared variable: concurrent calls cross their lines. */
let current: SimulatedCall | undefined;
const crossedLinesDriver: CallDriver<SimulatedCall> = asynchronous({
  ...simulatorDriver,
  answer(request, context) {
    current = context.session;
    void simulatorDriver.answer(request, context);
  },
  play(request, context) {
    void simulatorDriver.play(request, { ...context, session: current ?? context.session });
  },
  collect(request, context) {
    return simulatorDriver.collect(request, { ...context, session: current ?? context.session });
  },
});

describe('the contract fails broken drivers', () => {
  test('the honest simulator passes every case, so a failure below is the broken part', async () => {
    const verdicts = await checkDriverContract({ newDriver: () => simulatorHarness(simulatorDriver) });
    expect(verdicts).toHaveLength(driverContractCases.length);
    expect(failed(verdicts)).toEqual([]);
  });

  test('a driver that plays nothing and ignores the terminator fails; every case still tears its harness down', async () => {
    let teardowns = 0;
    const verdicts = await checkDriverContract({
      newDriver: () => ({ ...simulatorHarness(silentDriver), teardown: () => void teardowns++ }),
    });
    expect(teardowns).toBe(driverContractCases.length);
    expect(failed(verdicts)).toEqual(
      expect.arrayContaining([
        caseNamed('the call is answered'),
        caseNamed('a prompt of several parts'),
        caseNamed('a menu key leaves'),
        caseNamed('silence at every attempt'),
        caseNamed('collected digits stop at the terminator'),
        caseNamed('record:'),
        caseNamed('queue:'),
        caseNamed('transfer:'),
      ]),
    );
    expect(verdicts.find((v) => v.name === caseNamed('collected digits stop'))?.error).toMatch(/expected/i);
  });

  test('a driver that keeps type-ahead for the next input fails the type-ahead case', async () => {
    expect(failed(await checkDriverContract({ newDriver: () => simulatorHarness(typeAheadDriver) }))).toEqual([
      caseNamed('type-ahead is flushed'),
    ]);
  });

  test('a driver that makes a hangup mid-bridge a caller hangup fails the bridge case', async () => {
    expect(failed(await checkDriverContract({ newDriver: () => simulatorHarness(bridgeHangupDriver) }))).toEqual([
      caseNamed('a caller hangup during the bridge'),
    ]);
  });

  test('a driver that reports the wrong queue or transfer outcome fails those cases', async () => {
    expect(failed(await checkDriverContract({ newDriver: () => simulatorHarness(wrongOutcomesDriver) }))).toEqual([
      caseNamed('queue:'),
      caseNamed('transfer:'),
    ]);
  });

  test('a driver that never answers the line fails the answer cases', async () => {
    expect(failed(await checkDriverContract({ newDriver: () => simulatorHarness(unansweredDriver) }))).toEqual([
      caseNamed('the call is answered'),
      caseNamed('start.answer false'),
      caseNamed('record:'),
    ]);
  });

  test('a driver that mixes up concurrent calls fails the concurrency case', async () => {
    const verdicts = await checkDriverContract({ newDriver: () => simulatorHarness(crossedLinesDriver) });
    expect(failed(verdicts)).toContain(caseNamed('several concurrent calls'));
  });
});
