// The simulator's load mode: calls placed at a steady rate, each held for a while, with the figures a benchmark prints.

import type { CallerScript } from './caller-script';
import { SimulatedChannel } from './simulated-channel';

export interface LoadOptions {
  address: { host: string; port: number };
  /** New calls per second. */
  callsPerSecond: number;
  /** How long new calls are placed. */
  seconds: number;
  /** The script of every call (mediaMs holds it up). */
  script: CallerScript;
}

export interface LoadResult {
  placed: number;
  completed: number;
  /** Calls that did not end the way the script says (hung up by the runtime after its goodbye). */
  failed: number;
  /** Most calls up at once. */
  peakConcurrent: number;
  /** Achieved setup rate over the placing period. */
  setupsPerSecond: number;
  /** Every EXECUTE_COMPLETE → next sendmsg turnaround, in ms. */
  turnarounds: number[];
}

/** Places calls on a timer (1 ms granularity batches) and waits for all to end. */
export async function runLoad(options: LoadOptions, onProgress?: (up: number) => void): Promise<LoadResult> {
  const total = Math.round(options.callsPerSecond * options.seconds);
  const started = performance.now();
  let placed = 0;
  let up = 0;
  let peak = 0;
  let failed = 0;
  let completed = 0;
  const turnarounds: number[] = [];
  const done: Promise<void>[] = [];
  while (placed < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.callsPerSecond) + 1);
    for (; placed < due; placed++) {
      const channel = new SimulatedChannel(options.address, options.script);
      up++;
      peak = Math.max(peak, up);
      done.push(
        channel.done.then((trace) => {
          up--;
          completed++;
          if (trace.endedBy !== 'runtime') failed++;
          for (const t of channel.turnarounds) turnarounds.push(t);
        }),
      );
    }
    onProgress?.(up);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const placingSeconds = (performance.now() - started) / 1000;
  await Promise.all(done);
  return { placed, completed, failed, peakConcurrent: peak, setupsPerSecond: placed / placingSeconds, turnarounds };
}
