// `npm run bench` (second part) / `npm run bench:cli`: start-up of the `callflow` command against a bare `node -e 0`.

import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain JavaScript module of the launcher, no type declarations
import { buildCli, isBundleFresh } from '../bin/build-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const launcher = fileURLToPath(new URL('../bin/callflow.js', import.meta.url));
const reportCpu = fileURLToPath(new URL('./report-cpu.mjs', import.meta.url));
const ROUNDS = 15;

interface Case {
  name: string;
  args: string[];
  /** Wall time of each run, ms. */
  runs: number[];
  /** CPU time (user + system) each process reported for itself, ms: less disturbed by other load than wall time. */
  cpu: number[];
}

const cases: Case[] = [
  { name: 'node -e 0 (bare Node start)', args: ['-e', '0'], runs: [], cpu: [] },
  { name: 'callflow --help', args: [launcher, '--help'], runs: [], cpu: [] },
  {
    name: 'callflow validate templates/small-business.json',
    args: [launcher, 'validate', 'templates/small-business.json'],
    runs: [],
    cpu: [],
  },
  {
    name: 'callflow simulate templates/small-business.json --input 1',
    args: [launcher, 'simulate', 'templates/small-business.json', '--input', '1'],
    runs: [],
    cpu: [],
  },
  {
    name: 'callflow test templates/small-business.json',
    args: [launcher, 'test', 'templates/small-business.json'],
    runs: [],
    cpu: [],
  },
];

/** The command as it ran before the bundle: TypeScript compiled by tsx at every start (3 runs: it is slow). */
const tsxCase: Case = {
  name: 'before: validate through tsx (no bundle)',
  args: [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    "const { main } = await import('./cli/main.ts'); process.exitCode = await main(['validate', 'templates/small-business.json'], { out: () => {}, err: (t) => process.stderr.write(t), cwd: process.cwd() });",
  ],
  runs: [],
  cpu: [],
};

function timeOnce(args: string[]): { wall: number; cpu: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', reportCpu, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = /callflow-bench-cpu-us (\d+)/.exec(result.stderr)?.[1];
  if (result.status !== 0 || cpu === undefined)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { wall, cpu: Number(cpu) / 1000 };
}

function record(c: Case): void {
  const { wall, cpu } = timeOnce(c.args);
  c.runs.push(wall);
  c.cpu.push(cpu);
}

const median = (values: number[]) => {
  const value = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  if (value === undefined) throw new Error('median of no runs');
  return value;
};
/** The case at `index` of the list above (0: bare Node, 2: callflow validate). */
const caseAt = (index: number) => {
  const found = cases[index];
  if (!found) throw new Error(`no case ${index}`);
  return found;
};

if (!isBundleFresh()) await buildCli();
timeOnce([launcher, '--version']); // writes the code cache, as a user's first run does

// Rounds interleave the cases, so load from other processes hits them all alike.
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) record(c);
  if (round < 3) record(tsxCase);
}

const bare = median(caseAt(0).runs);
const bareCpu = median(caseAt(0).cpu);
console.log(
  `CLI start-up, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; medians of ${ROUNDS} runs (tsx: 3)\n`,
);
console.log('command                                                    | wall ms (min)   | × bare | CPU ms | × bare');
console.log('-----------------------------------------------------------|-----------------|--------|--------|-------');
for (const c of [...cases, tsxCase]) {
  const m = median(c.runs);
  const cpu = median(c.cpu);
  const wall = `${m.toFixed(0)} (${Math.min(...c.runs).toFixed(0)})`;
  console.log(
    `${c.name.padEnd(58)} | ${wall.padStart(15)} | ${(m / bare).toFixed(2).padStart(6)} | ${cpu.toFixed(0).padStart(6)} | ${(cpu / bareCpu).toFixed(2).padStart(5)}`,
  );
}
const wallRatio = median(caseAt(2).runs) / bare;
const cpuRatio = median(caseAt(2).cpu) / bareCpu;
const verdict = (ratio: number) => `${ratio <= 3 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)`;
console.log(
  `\nTarget: callflow validate within 3× of a bare Node start — wall time ${verdict(wallRatio)}, CPU time ${verdict(cpuRatio)}.`,
);
console.log(
  `Load average at the end: ${(loadavg()[0] ?? NaN).toFixed(1)} (wall times grow with it; CPU times much less).`,
);
