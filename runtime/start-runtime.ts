// Assembles the runtime: outbound ESL server, FreeSWITCH driver, line directory, event writer, queues, health/metrics.

import { machineEffects } from '../flow-engine/compile';
import { bindDriver } from '../flow-engine/driver';
import type { DatabaseHandle } from '../schemas/database';
import { CallSession } from './calls/call-session';
import { startCallReaper } from './calls/call-reaper';
import { LineDirectory } from './calls/line-directory';
import type { RuntimeConfig } from './config';
import { FreeSwitchDriver } from './driver/freeswitch-driver';
import { PromptRecordings } from './media/prompt-recordings';
import * as fs from './esl/commands';
import { startOutboundServer } from './esl/outbound-server';
import { EventWriter } from './events/event-writer';
import { startHealthServer } from './health-server';
import { guardedFetch } from '../flow-engine/node/guarded-fetch';
import { IntegrationAccessCache, type IntegrationAccess } from '../schemas/integration-access';
import { RuntimeMetrics } from './metrics';
import { storeCallback } from './queues/callback-store';
import { QueueService } from './queues/queue-service';

export interface StartRuntimeOptions {
  database: DatabaseHandle;
  config: RuntimeConfig;
  log(message: string): void;
  /** Tests shorten the queue's poll interval. */
  queuePollMs?: number;
}

export interface RunningRuntime {
  /** Where FreeSWITCH's `socket` connects (the real port when 0 was asked for). */
  readonly eslAddress: { host: string; port: number };
  readonly httpAddress: { host: string; port: number };
  readonly metrics: RuntimeMetrics;
  readonly activeCalls: number;
  /** Resolves when every line's version is compiled (the health check answers 503 "warming" until then). */
  readonly ready: Promise<void>;
  /**
   * Stop accepting calls, let calls in progress finish for up to the drain limit, hand the rest to the dialplan's
   * fallback, write (or spool) every event, and close. Safe to call twice.
   */
  stop(): Promise<void>;
}

/**
 * Start serving calls.
 * @example
 * const runtime = await startRuntime({ database, config: loadRuntimeConfig(), log: console.log });
 * process.on('SIGTERM', () => void runtime.stop());
 */
export async function startRuntime({
  database,
  config,
  log,
  queuePollMs,
}: StartRuntimeOptions): Promise<RunningRuntime> {
  const metrics = new RuntimeMetrics();
  const events = new EventWriter({
    db: database.db,
    spoolDir: config.spoolDir,
    log,
    onCommitted: (lags) => lags.forEach((lag) => metrics.eventWriteLag.observe(lag)),
    onSpoolSize: (size) => metrics.spoolSize.set(size),
  });
  await events.start();

  // The prompt library's recordings where FreeSWITCH reads them, before the first call; a directory the runtime cannot
  // write is logged and calls go on (their recordings are skipped) until a later announcement syncs again.
  const recordings = new PromptRecordings({ database, soundsDir: config.soundsDir, log });
  await recordings
    .start()
    .catch((error: unknown) =>
      log(
        `prompt recordings: cannot write to ${config.soundsDir}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );

  const integrationAccess = new IntegrationAccessCache(database.db, config.secretKey);
  let queues: QueueService | undefined;
  const driver = new FreeSwitchDriver({
    voices: config.voices,
    asrEngine: config.asrEngine,
    soundsDir: config.soundsDir,
    recordings,
    recordingsDir: config.recordingsDir,
    recordCalls: config.recordCalls,
    transferDialString: config.transferDialString,
    transferSipDialString: config.transferSipDialString,
    async http(request, signal) {
      // The base URL, allowInternal and the secret come from this environment's integration record, never from the flow.
      let access: IntegrationAccess | undefined;
      if (request.integration) {
        try {
          access = await integrationAccess.get(request.integration);
        } catch (error) {
          return { kind: 'networkError', message: (error as Error).message };
        }
      }
      const limited = {
        ...request,
        allowInternal: access?.allowInternal ?? false,
        timeoutSeconds: Math.min(request.timeoutSeconds, config.httpTimeoutSeconds),
      };
      return guardedFetch(limited, { maxBytes: config.httpMaxBytes, integration: access }, signal);
    },
    enqueue: (request, session, signal) =>
      queues!.enqueue(request, session, signal, request.prompts[0]?.language ?? session.language ?? 'en-US'),
    scheduleCallback: (request, session) =>
      storeCallback(
        database.db,
        request,
        { channelUuid: session.call.uuid, flowId: session.flowId ?? null, now: session.clock?.() ?? new Date() },
        log,
      ),
  });
  queues = new QueueService({
    db: database.db,
    pollMs: queuePollMs,
    holdMusic: config.holdMusic,
    say: (session, language, text) => driver.speakText(session, language, text),
    bridgeAgent: (session, contact, ring) => driver.bridgeTo(session, contact, ring),
    askKey: (session, language, text, timeout) => driver.askKey(session, language, text, timeout),
    playPrompts: (session, prompts) => driver.playPrompts(session, prompts),
    log,
  });
  const instrumented = instrumentEffects(driver, metrics);
  const stopReaper = startCallReaper(database.db, config.maxCallSeconds, log);
  const directory = new LineDirectory(database, { bind: (compiled) => bindDriver(compiled.machine, instrumented) });
  await directory.start();

  const defaultVoice = config.voices['*'] ?? Object.values(config.voices)[0] ?? { engine: 'flite', voice: 'kal' };
  const announcement = /\.(wav|mp3)$|^\//.test(config.unknownNumberPrompt)
    ? fs.playback(config.unknownNumberPrompt)
    : fs.speak(defaultVoice.engine, defaultVoice.voice, config.unknownNumberPrompt);
  const sessions = new Set<CallSession>();
  let draining = false;

  // A port another program holds fails the start (one line, RuntimePortInUseError): release what already runs first,
  // so that `npm start` goes on without a runtime rather than with half of one.
  const abandon = async (error: unknown): Promise<never> => {
    stopReaper();
    await events.stop();
    await directory.stop();
    await recordings.stop();
    throw error;
  };
  const server = await startOutboundServer({
    host: config.listen.host,
    port: config.listen.port,
    onRejected: (reason) => {
      metrics.eslErrors.inc({ kind: 'rejected' });
      log(`ESL connection refused before becoming a call: ${reason}`);
    },
    onCall: (call) => {
      call.on('protocolError', (error) => {
        metrics.eslErrors.inc({ kind: 'protocol' });
        log(`call ${call.uuid}: ESL error: ${error.message}`);
      });
      if (draining) {
        // Between stopAccepting and a connection already in flight: back to the dialplan (the next runtime).
        call.close();
        return;
      }
      const session = new CallSession(call, {
        directory,
        events,
        metrics,
        driver,
        log,
        unknownNumberAnnouncement: announcement,
        maxCallSeconds: config.maxCallSeconds,
        maxSteps: config.maxSteps,
        fallback: config.fallback,
      });
      sessions.add(session);
      void session.run().finally(() => sessions.delete(session));
    },
  }).catch(abandon);
  // Ready once every line's version is compiled and bound (health 503 "warming" until then); calls that arrive
  // meanwhile are served, compiling on demand as before.
  let warming = true;
  const ready = directory
    .warm((number, error) =>
      log(`runtime: line ${number} not warmed: ${error instanceof Error ? error.message : String(error)}`),
    )
    .then(
      (versions) => log(`runtime: ready, ${versions} flow version${versions === 1 ? '' : 's'} compiled`),
      (error: unknown) =>
        log(
          `runtime: warm-up failed, versions compile on the first call: ${error instanceof Error ? error.message : String(error)}`,
        ),
    )
    .finally(() => (warming = false));
  const health = await startHealthServer(config.http, metrics, () => ({
    warming,
    draining,
    activeCalls: sessions.size,
    spooling: events.isSpooling,
    spoolSize: events.spoolSize,
  })).catch(async (error: unknown) => {
    await server.stopAccepting();
    await ready;
    return abandon(error);
  });
  log(
    `runtime: FreeSWITCH outbound socket on ${server.address.host}:${server.address.port}, health and metrics on http://${health.address.host}:${health.address.port}`,
  );

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    draining = true;
    await server.stopAccepting();
    const deadline = Date.now() + config.drainSeconds * 1000;
    while (sessions.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (sessions.size > 0)
      log(
        `runtime: drain limit of ${config.drainSeconds} s reached with ${sessions.size} calls; handing them to the fallback`,
      );
    await Promise.all([...sessions].map((session) => session.handOff()));
    while (sessions.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    stopReaper();
    await ready;
    await events.stop();
    await directory.stop();
    await recordings.stop();
    await health.close();
    log('runtime: stopped');
  };

  return {
    eslAddress: server.address,
    httpAddress: health.address,
    ready,
    metrics,
    get activeCalls() {
      return sessions.size;
    },
    stop: () => (stopping ??= stop()),
  };
}

/**
 * The driver with each effect's latency observed: every effect a compiled flow may invoke (the node types' own lists),
 * timed when it answers with a promise (`now` answers at once and is not timed).
 */
function instrumentEffects(driver: FreeSwitchDriver, metrics: RuntimeMetrics): FreeSwitchDriver {
  const timed = Object.create(driver) as FreeSwitchDriver;
  for (const name of machineEffects) {
    const original = driver[name].bind(driver) as (...args: unknown[]) => unknown;
    // The labelled child once per effect: startTimer({ effect }) hashed the labels again on every effect.
    const histogram = metrics.effectSeconds.labels({ effect: name });
    (timed as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const end = histogram.startTimer();
      const answer = original(...args);
      return answer instanceof Promise ? answer.finally(() => end()) : answer;
    };
  }
  return timed;
}
