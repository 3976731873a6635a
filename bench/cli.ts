// `npm run bench` (second part) / `npm run bench:cli`: start-up of the `callflow` command against a bare `node -e 0`.

import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain JavaScript module of the launcher, no type declarations
import { buildCli, isBundleFresh } from '../bin/build-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const launcher = fileURLToPath(new URL('../bin/callflow.js', import.meta.url));
const ROUNDS = 15;

interface Case {
  name: string;
  args: string[];
  runs: number[];
}

const cases: Case[] = [
  { name: 'node -e 0 (bare Node start)', args: ['-e', '0'], runs: [] },
  { name: 'callflow --help', args: [launcher, '--help'], runs: [] },
  { name: 'callflow validate templates/small-business.json', args: [launcher, 'validate', 'templates/small-business.json'], runs: [] },
  {
    name: 'callflow simulate templates/small-business.json --input 1',
    args: [launcher, 'simulate', 'templates/small-business.json', '--input', '1'],
    runs: [],
  },
  { name: 'callflow test templates/small-business.json', args: [launcher, 'test', 'templates/small-business.json'], runs: [] },
];

/** The command as it ran before the bundle: TypeScript compiled by tsx at every start (3 runs: it is slow). */
const tsxCase: Case = {
  name: 'before: validate through tsx (no bundle)',
  args: ['--import', 'tsx', '--input-type=module', '-e', "const { main } = await import('./cli/main.ts'); process.exitCode = await main(['validate', 'templates/small-business.json'], { out: () => {}, err: (t) => process.stderr.write(t), cwd: process.cwd() });"],
  runs: [],
};

function timeOnce(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!isBundleFresh()) await buildCli();
timeOnce([launcher, '--version']); // writes the code cache, as a user's first run does

// Rounds interleave the cases, so load from other processes hits them all alike.
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) c.runs.push(timeOnce(c.args));
  if (round < 3) tsxCase.runs.push(timeOnce(tsxCase.args));
}

const bare = median(cases[0].runs);
console.log(`CLI start-up, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; medians of ${ROUNDS} runs (min in brackets)\n`);
console.log('command                                                    | median ms (min) | × bare node');
console.log('-----------------------------------------------------------|-----------------|------------');
for (const c of [...cases, tsxCase]) {
  const m = median(c.runs);
  console.log(`${c.name.padEnd(58)} | ${`${m.toFixed(0)} (${Math.min(...c.runs).toFixed(0)})`.padStart(15)} | ${(m / bare).toFixed(2).padStart(10)}`);
}
const validateRatio = median(cases[2].runs) / bare;
console.log(`\nTarget: callflow validate within 3× of a bare Node start — ${validateRatio <= 3 ? 'met' : 'NOT met'} (${validateRatio.toFixed(2)}×).`);
console.log(`Load average at the end: ${loadavg()[0].toFixed(1)}.`);
