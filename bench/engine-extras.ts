// The engine's smaller hot spots the tests only check for correctness (tests carry no clocks): the version diff of a
// 1,000-node flow, a routing expression evaluated 50,000 times, and the worst pattern matches() accepts.

import { loadavg } from 'node:os';
import { diffFlows } from '../flow-engine/diff';
import type { FlowDocument } from '../flow-engine/document';
import { parseExpression } from '../flow-engine/expression';
import { generateEngineFlow } from './generate-flow';

/** Median wall time of `runs` calls of `work`, in ms. */
function medianMs(runs: number, work: () => void): number {
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  if (median === undefined) throw new Error('medianMs needs at least one run');
  return median;
}

function compiledExpression(source: string) {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const before = generateEngineFlow(1000);
const after: FlowDocument = structuredClone(before);
after.nodes.forEach((node, i) => {
  if (i % 10 === 0) node.label = `${node.label ?? node.id} (changed)`;
  if (i % 10 === 5) node.position = { x: 0, y: 0 };
});
after.nodes.reverse();
const diffMs = medianMs(9, () => diffFlows(before, after));

const routing = compiledExpression('tier == "vip" && attempts < 3 && call.caller.startsWith("+86")');
const scope = { tier: 'vip', attempts: 2, call: { caller: '+8613800138000', dialed: '1', language: 'zh-CN', at: '' } };
const evaluationsMs = medianMs(5, () => {
  for (let i = 0; i < 50_000; i++) routing.evaluate(scope);
});

const worstPattern = compiledExpression('value.matches(".*.*x")');
const worstMs = medianMs(9, () => worstPattern.evaluate({ value: 'a'.repeat(256) }));

const fmt = (n: number) => n.toFixed(1);
console.log(
  `diffFlows, two ${before.nodes.length}-node versions (10% changed, 10% moved): ${fmt(diffMs)} ms (target < 100 ms)`,
);
console.log(`a routing expression evaluated 50,000 times: ${fmt(evaluationsMs)} ms (target < 1,000 ms)`);
console.log(`matches(".*.*x") on the longest accepted text (256 characters): ${fmt(worstMs)} ms (target < 500 ms)`);
console.log(`Medians of 9 runs (5 for the evaluations); load average at the end ${(loadavg()[0] ?? NaN).toFixed(1)}.`);
