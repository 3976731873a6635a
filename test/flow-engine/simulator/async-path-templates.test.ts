// Every template's test cases run through the asynchronous effect path (the runtime's) with the same traces as `callflow test`.

import { describe, expect, test } from 'vitest';
import { compile } from '../../../flow-engine/compile';
import { runSimulation, runTests } from '../../../flow-engine/simulator';
import { loadTemplates, templateResolver } from '../../templates/template-files';
import { asynchronous } from '../driver/asynchronous-driver';
import { simulatorDriver } from '../../../flow-engine/simulator';

const resources = templateResolver();
const asyncSimulator = asynchronous(simulatorDriver);

describe.each(loadTemplates())('$file', ({ flow }) => {
  test('each test case gives the same trace through an asynchronous driver as through callflow test', async () => {
    const report = await runTests(flow, { resources });
    const compiled = compile(flow, { resources });
    expect(report.cases.length).toBeGreaterThan(0);
    for (const [i, testCase] of (flow.tests ?? []).entries()) {
      const trace = await runSimulation(compiled, testCase, undefined, asyncSimulator);
      expect({ name: testCase.name, trace }).toEqual({ name: testCase.name, trace: report.cases[i]?.trace });
    }
    expect(report.failed).toBe(0);
  });
});
