'use client';
// The simulate panel: call the draft in the browser with keypad, speech and mocks; follow it on the canvas, in the
// transcript, variables and timeline; save the call as a test.

import './simulate.css';
import {
  CloseOutlined,
  PauseOutlined,
  PhoneOutlined,
  CaretRightOutlined,
  RedoOutlined,
  SaveOutlined,
  StepForwardOutlined,
} from '@ant-design/icons';
import { Alert, Button, Input, Space, Tabs } from 'antd';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNodeTypeTitle } from '../../nodes/node-texts';
import { nodeNamer } from '../problems/node-names';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { useContentDoc } from '../store/use-content';
import { revealedTranscript } from './call-view';
import { CallSetupForm } from './call-setup-form';
import { InputCountdown } from './input-countdown';
import { Keypad } from './keypad';
import { MockEditors } from './mock-editors';
import { SaveTestDialog } from './save-test-dialog';
import { TimelineView } from './timeline-view';
import { TranscriptView } from './transcript-view';
import { useSimulatedCall } from './use-simulated-call';
import { VariablesView } from './variables-view';

export function SimulatePanel({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useTranslations('editor.simulate');
  const store = useEditorStoreApi();
  const flowId = useEditorStore((s) => s.flowId);
  const doc = useContentDoc();
  // Testers keep calls as tests even though the design is read-only for them.
  const testsEditable = useEditorStore((s) => s.testsEditable);
  const call = useSimulatedCall(store, open, flowId);
  const [saving, setSaving] = useState(false);
  const [speech, setSpeech] = useState('');

  const typeTitle = useNodeTypeTitle();
  // Nodes by label (or type), with the id only where two read the same; a subflow's inner node after its caller.
  const named = useMemo(() => nodeNamer(doc.nodes, (type) => typeTitle(type)), [doc.nodes, typeTitle]);
  const nodeName = useCallback(
    (id: string) => {
      const own = id.split('/')[0]!;
      const label = named(own);
      return id.includes('/') ? `${label} / ${id.slice(own.length + 1)}` : label;
    },
    [named],
  );
  const reasonText = useCallback(
    (reason: string) =>
      ['hangup', 'callerHangup', 'transferred', 'queued', 'error'].includes(reason) ? t(`reasons.${reason}`) : reason,
    [t],
  );

  const trace = call.step?.trace;
  const revealedSteps = useMemo(() => trace?.steps.slice(0, call.revealed) ?? [], [trace, call.revealed]);
  const lines = useMemo(() => (trace ? revealedTranscript(trace, call.revealed) : []), [trace, call.revealed]);
  const awaiting = call.step?.awaiting;
  const caughtUp = trace !== undefined && call.revealed >= trace.steps.length;
  const awaitedNode = awaiting ? doc.nodes.find((n) => n.id === awaiting.node) : undefined;
  const immediateKeys =
    awaiting?.effect === 'recognize' || awaitedNode?.type === 'menu' || awaitedNode?.type === 'survey';

  // Opening the panel moves the keyboard into it: onto "Start call" once the flow is compiled, the panel until then.
  const section = useRef<HTMLElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const focusPending = useRef(false);
  const startReady = !call.started && call.compiled?.ok === true && Boolean(call.script);
  useEffect(() => {
    focusPending.current = open;
  }, [open]);
  useEffect(() => {
    const panel = section.current;
    if (!open || !focusPending.current || !panel) return;
    const active = document.activeElement;
    // Already on a control inside the panel (tabbed there while it compiled): leave the focus there.
    const onControl = active !== null && active !== panel && panel.contains(active);
    if (startReady && startButton.current) {
      if (!onControl) startButton.current.focus();
      focusPending.current = false;
    } else if (!onControl && active !== panel) {
      panel.focus();
    }
  }, [open, startReady]);

  if (!open) return null;

  const status = !call.started
    ? t('notStarted')
    : call.running || !trace
      ? t('running')
      : awaiting
        ? awaiting.effect === 'recognize'
          ? t('waitingSpeech', { node: nodeName(awaiting.node) })
          : t('waitingKeys', { node: nodeName(awaiting.node) })
        : // Until every step is shown the call is still playing: "Call ended" never comes before its last lines.
          !caughtUp
          ? call.paused
            ? t('pausedReplay', { count: trace.steps.length - call.revealed })
            : t('running')
          : t('ended', { node: nodeName(trace.end.node), reason: reasonText(trace.end.reason) });

  return (
    <section ref={section} className="cf-simulate" id="cf-simulate" aria-label={t('title')} tabIndex={-1}>
      <header className="cf-sim-header">
        <h2>{t('title')}</h2>
        <Button type="text" icon={<CloseOutlined />} aria-label={t('close')} onClick={onClose} />
      </header>
      {call.compiled === undefined && <p className="cf-sim-hint">{t('loading')}</p>}
      {call.compiled?.ok === false && (
        <Alert type="error" showIcon title={t('cannotCompile', { message: call.compiled.message })} />
      )}
      {call.runError && <Alert type="error" showIcon title={call.runError} />}
      <Space wrap className="cf-sim-controls">
        {!call.started ? (
          <Button
            ref={startButton}
            type="primary"
            icon={<PhoneOutlined />}
            disabled={call.compiled?.ok !== true || !call.script}
            onClick={call.start}
          >
            {t('start')}
          </Button>
        ) : (
          <>
            <Button icon={call.paused ? <CaretRightOutlined /> : <PauseOutlined />} onClick={call.togglePause}>
              {call.paused ? t('resume') : t('pause')}
            </Button>
            <Button icon={<StepForwardOutlined />} disabled={caughtUp} onClick={call.stepOnce}>
              {t('step')}
            </Button>
            <Button icon={<RedoOutlined />} onClick={call.restart}>
              {t('restart')}
            </Button>
            <Button danger disabled={!awaiting} onClick={() => call.send({ hangup: true })}>
              {t('hangUp')}
            </Button>
            <Button
              icon={<SaveOutlined />}
              disabled={!trace || call.running || !testsEditable}
              title={testsEditable ? undefined : t('save.readOnly')}
              onClick={() => setSaving(true)}
            >
              {t('saveAsTest')}
            </Button>
          </>
        )}
      </Space>
      <p className="cf-sim-status" role="status">
        {status}
      </p>
      {call.started && awaiting && caughtUp && call.secondsLeft !== undefined && (
        <InputCountdown
          secondsLeft={call.secondsLeft}
          total={awaiting.timeoutSeconds}
          paused={call.paused}
          onSkip={() => call.send('')}
        />
      )}
      {call.started && (
        <div className="cf-sim-phone">
          <Keypad
            immediate={immediateKeys}
            masked={awaiting?.sensitive ?? false}
            disabled={!awaiting || call.running}
            onSend={(keys) => call.send(keys)}
          />
          {awaiting?.effect === 'recognize' && (
            <Space.Compact className="cf-sim-speech">
              <Input
                aria-label={t('speech')}
                placeholder={t('speech')}
                value={speech}
                onChange={(e) => setSpeech(e.target.value)}
                onPressEnter={() => speech.trim() && (call.send({ say: speech.trim() }), setSpeech(''))}
              />
              <Button disabled={!speech.trim()} onClick={() => (call.send({ say: speech.trim() }), setSpeech(''))}>
                {t('say')}
              </Button>
            </Space.Compact>
          )}
        </div>
      )}
      <Tabs
        className="cf-sim-tabs"
        size="small"
        tabBarGutter={12}
        defaultActiveKey="transcript"
        items={[
          {
            key: 'transcript',
            label: t('tabs.transcript'),
            children: (
              <TranscriptView
                lines={lines}
                language={call.script?.call.language ?? doc.defaultLanguage}
                nodeName={nodeName}
              />
            ),
          },
          {
            key: 'timeline',
            label: t('tabs.timeline'),
            children: (
              <TimelineView steps={revealedSteps} waiting={awaiting !== undefined && caughtUp} nodeName={nodeName} />
            ),
          },
          {
            key: 'variables',
            label: t('tabs.variables'),
            children: <VariablesView declared={doc.variables} values={trace?.vars ?? {}} />,
          },
          {
            key: 'setup',
            label: t('tabs.setup'),
            children: (
              <CallSetupForm
                value={call.setup.call}
                languages={doc.languages}
                error={call.setupError}
                onChange={(next) => call.setSetup((s) => ({ ...s, call: next }))}
              />
            ),
          },
          {
            key: 'mocks',
            label: t('tabs.mocks'),
            children: (
              <MockEditors
                nodes={doc.nodes}
                setup={call.setup}
                onChange={call.setSetup}
                problems={call.mockProblems}
                realAnswers={call.realAnswers}
                integrationErrors={call.integrationErrors}
                realCallsOff={call.realCallsOff}
                nodeName={nodeName}
              />
            ),
          },
        ]}
      />
      <SaveTestDialog
        open={saving}
        onClose={() => setSaving(false)}
        script={call.script}
        trace={trace}
        nodeName={nodeName}
        reasonText={reasonText}
      />
    </section>
  );
}
