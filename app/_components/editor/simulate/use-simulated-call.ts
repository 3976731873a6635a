'use client';
// The simulate panel's call: setup, the caller's inputs, re-runs of the draft in the browser, the step-by-step reveal,
// the input countdown and the canvas marks.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compile, type CompiledFlow } from '../../../../flow-engine/compile';
import type { FlowDocument } from '../../../../flow-engine/document';
import type { ResourceResolver } from '../../../../flow-engine/resources';
import type { CallerInput, HttpMock } from '../../../../flow-engine/test-case';
import { apiErrorMessage, apiRealCallsOff } from '../../../_lib/api-error';
import { loadSimulationResources } from '../resources/load-editor-resources';
import type { EditorStoreApi } from '../store/create-editor-store';
import { useContentDoc } from '../store/use-content';
import { callRealIntegration } from './call-integration';
import { simulationMarks } from './call-view';
import { runInteractive, type CallScript, type InteractiveStep } from './interactive-call';
import {
  callSetupOf,
  defaultSetup,
  integrationOf,
  mocksOf,
  realNodesPending,
  type MockProblems,
  type SimulationSetup,
} from './simulation-setup';

/** Milliseconds between two revealed steps while the call plays. */
const REVEAL_MS = 350;

export type Compiled = { ok: true; compiled: CompiledFlow } | { ok: false; message: string };

export interface SimulatedCallState {
  setup: SimulationSetup;
  setSetup(update: (setup: SimulationSetup) => SimulationSetup): void;
  setupError?: string;
  mockProblems: MockProblems;
  integrationErrors: Record<string, string>;
  /** Integration keys an administrator keeps from real calls: their nodes are answered by a mock or not at all. */
  realCallsOff: ReadonlySet<string>;
  /** What the real integrations answered during this call (kept as mocks). */
  realAnswers: Record<string, HttpMock>;
  compiled?: Compiled;
  started: boolean;
  running: boolean;
  step?: InteractiveStep;
  runError?: string;
  script?: CallScript;
  inputs: CallerInput[];
  revealed: number;
  paused: boolean;
  /** Seconds left before the awaited input times out; undefined when nothing is awaited (or not yet revealed). */
  secondsLeft?: number;
  start(): void;
  restart(): void;
  send(input: CallerInput): void;
  togglePause(): void;
  stepOnce(): void;
}

export function useSimulatedCall(store: EditorStoreApi, open: boolean, flowId: string): SimulatedCallState {
  const doc = useContentDoc();
  const [setup, setSetupState] = useState<SimulationSetup>(() => defaultSetup(doc.defaultLanguage));
  const [bundle, setBundle] = useState<
    { resolver: ResourceResolver; realCallsOff: ReadonlySet<string> } | { error: string } | undefined
  >();
  // Also learnt from a refusal, when an administrator turned real calls off after the panel opened.
  const [refusedIntegrations, setRefusedIntegrations] = useState<ReadonlySet<string>>(new Set());
  const [started, setStarted] = useState(false);
  const [inputs, setInputs] = useState<CallerInput[]>([]);
  const [realAnswers, setRealAnswers] = useState<Record<string, HttpMock>>({});
  const [integrationErrors, setIntegrationErrors] = useState<Record<string, string>>({});
  const [step, setStep] = useState<InteractiveStep>();
  const [runError, setRunError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [revealed, setRevealed] = useState(0);
  const [paused, setPaused] = useState(false);
  const [secondsLeft, setSecondsLeft] = useState<number>();
  const runId = useRef(0);

  const setSetup = useCallback((update: (s: SimulationSetup) => SimulationSetup) => setSetupState(update), []);

  // Resources are loaded when the panel opens (and again on restart), not on every edit.
  const loadResources = useCallback((flow: FlowDocument) => {
    setBundle(undefined);
    loadSimulationResources(flow).then(
      ({ resolver, realCallsOff }) => setBundle({ resolver, realCallsOff: new Set(realCallsOff) }),
      (error: unknown) => setBundle({ error: apiErrorMessage(error) }),
    );
  }, []);
  const docRef = useRef(doc);
  docRef.current = doc;
  useEffect(() => {
    if (open) loadResources(docRef.current);
  }, [open, loadResources]);

  const compiled = useMemo<Compiled | undefined>(() => {
    if (!bundle) return undefined;
    if ('error' in bundle) return { ok: false, message: bundle.error };
    try {
      return { ok: true, compiled: compile(doc, { resources: bundle.resolver }) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [doc, bundle]);

  const realCallsOff = useMemo<ReadonlySet<string>>(
    () => new Set([...(bundle && 'realCallsOff' in bundle ? bundle.realCallsOff : []), ...refusedIntegrations]),
    [bundle, refusedIntegrations],
  );
  // The http nodes whose integration is kept from real calls: the call takes their error port, as with no answer.
  const realOffNodes = useMemo(
    () =>
      new Set(doc.nodes.filter((n) => n.type === 'http' && realCallsOff.has(integrationOf(n) ?? '')).map((n) => n.id)),
    [doc.nodes, realCallsOff],
  );

  const { mocks, problems: mockProblems } = useMemo(() => mocksOf(setup, realAnswers), [setup, realAnswers]);
  const { script, setupError } = useMemo(() => {
    try {
      return { script: { call: callSetupOf(setup.call), inputs, mocks } satisfies CallScript, setupError: undefined };
    } catch (error) {
      return { script: undefined, setupError: error instanceof Error ? error.message : String(error) };
    }
  }, [setup.call, inputs, mocks]);

  // Every change of the draft, the setup, the mocks or the inputs re-runs the call from its start.
  useEffect(() => {
    if (!started || !script || compiled?.ok !== true) return;
    const id = ++runId.current;
    const pending = realNodesPending(setup, realAnswers);
    for (const node of Object.keys(integrationErrors)) pending.delete(node);
    for (const node of realOffNodes) pending.delete(node);
    setRunning(true);
    runInteractive(compiled.compiled, script, pending).then(
      (result) => {
        if (id !== runId.current) return;
        setStep(result);
        setRunError(undefined);
        setRunning(false);
        if (result.integration) {
          const { node, vars } = result.integration;
          setRunning(true);
          callRealIntegration({
            flowId,
            nodeId: node,
            vars,
            call: { caller: script.call.caller, dialed: script.call.dialed, language: script.call.language },
          }).then(
            (answer) => id === runId.current && setRealAnswers((answers) => ({ ...answers, [node]: answer })),
            (error: unknown) => {
              if (id !== runId.current) return;
              const off = apiRealCallsOff(error);
              if (off) setRefusedIntegrations((keys) => new Set([...keys, off]));
              setIntegrationErrors((errors) => ({ ...errors, [node]: apiErrorMessage(error) }));
            },
          );
        }
      },
      (error: unknown) => {
        if (id !== runId.current) return;
        setRunError(error instanceof Error ? error.message : String(error));
        setRunning(false);
      },
    );
  }, [started, script, compiled, setup, realAnswers, integrationErrors, realOffNodes, flowId]);

  const total = step?.trace.steps.length ?? 0;
  const caughtUp = step !== undefined && revealed >= total;

  // While playing, steps are revealed one at a time so the caller's path can be followed on the canvas.
  useEffect(() => {
    if (!started || paused || !step || revealed >= total) return;
    const timer = setTimeout(() => setRevealed((r) => Math.min(r + 1, total)), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [started, paused, step, revealed, total]);

  // The awaited input's countdown: silence (the noInput / timeout path) when it runs out.
  const awaitedKey =
    step?.awaiting && caughtUp ? `${inputs.length}:${step.awaiting.node}:${step.awaiting.attempt}` : undefined;
  useEffect(() => {
    setSecondsLeft(awaitedKey && step?.awaiting ? step.awaiting.timeoutSeconds : undefined);
    // Only a newly awaited input resets the countdown (not each re-render of the same wait).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the line above
  }, [awaitedKey]);
  useEffect(() => {
    if (secondsLeft === undefined || paused || running || !open) return;
    if (secondsLeft <= 0) {
      setInputs((list) => [...list, '']);
      setSecondsLeft(undefined);
      return;
    }
    const timer = setTimeout(() => setSecondsLeft((s) => (s === undefined ? s : Math.max(0, s - 1))), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft, paused, running, open]);

  // The canvas shows the revealed part of the call; closing the panel clears it.
  useEffect(() => {
    if (!open || !started || !step) {
      store.getState().setMarks('simulation', undefined);
      return;
    }
    store.getState().setMarks('simulation', simulationMarks(doc, step.trace, revealed));
  }, [open, started, step, revealed, doc, store]);
  useEffect(() => () => store.getState().setMarks('simulation', undefined), [store]);

  const reset = () => {
    runId.current++;
    setInputs([]);
    setRealAnswers({});
    setIntegrationErrors({});
    setStep(undefined);
    setRunError(undefined);
    setRevealed(0);
    setSecondsLeft(undefined);
  };

  return {
    setup,
    setSetup,
    setupError,
    mockProblems,
    integrationErrors,
    realCallsOff,
    realAnswers,
    compiled,
    started,
    running,
    step,
    runError,
    script,
    inputs,
    revealed,
    paused,
    secondsLeft,
    start() {
      reset();
      setStarted(true);
    },
    restart() {
      reset();
      setRefusedIntegrations(new Set());
      loadResources(docRef.current);
      setStarted(true);
    },
    send(input) {
      if (!step?.awaiting) return;
      setSecondsLeft(undefined);
      setInputs((list) => [...list, input]);
    },
    togglePause() {
      setPaused((p) => !p);
    },
    stepOnce() {
      setPaused(true);
      setRevealed((r) => Math.min(r + 1, total));
    },
  };
}
