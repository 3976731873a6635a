'use client';
// One mock editor per http node (none / mock with status, JSON body and delay / the real integration) and per queue.

import { Alert, Checkbox, Input, Radio, Select, Space } from 'antd';
import { NumberInput } from '../../shell/number-input';
import { useTranslations } from 'next-intl';
import type { FlowNode } from '../../../../flow-engine/document';
import type { HttpMock } from '../../../../flow-engine/test-case';
import {
  integrationOf,
  type HttpMockDraft,
  type MockProblems,
  type QueueMockDraft,
  type SimulationSetup,
} from './simulation-setup';

export interface MockEditorsProps {
  nodes: FlowNode[];
  setup: SimulationSetup;
  onChange(update: (setup: SimulationSetup) => SimulationSetup): void;
  problems: MockProblems;
  realAnswers: Record<string, HttpMock | undefined>;
  integrationErrors: Record<string, string>;
  /** Integration keys an administrator keeps from real calls: "call the real integration" is disabled for them. */
  realCallsOff: ReadonlySet<string>;
  nodeName(id: string): string;
}

const DEFAULT_MOCK: HttpMockDraft = { mode: 'mock', status: 200, bodyText: '{}', delayMs: 0 };
const DEFAULT_QUEUE: QueueMockDraft = { agentsAvailable: true, waitSeconds: 0, outcome: 'answered' };

function timeoutOf(node: FlowNode): number {
  const seconds = (node.config as { timeoutSeconds?: unknown } | undefined)?.timeoutSeconds;
  return typeof seconds === 'number' ? seconds : 5;
}

export function MockEditors(props: MockEditorsProps) {
  const t = useTranslations('editor.simulate.mocks');
  const httpNodes = props.nodes.filter((n) => n.type === 'http');
  const queueNodes = props.nodes.filter((n) => n.type === 'queue');
  if (httpNodes.length === 0 && queueNodes.length === 0) return <p className="cf-sim-empty">{t('none')}</p>;

  const setHttp = (id: string, draft: HttpMockDraft) =>
    props.onChange((s) => ({ ...s, http: { ...s.http, [id]: draft } }));
  const setQueue = (id: string, draft: QueueMockDraft | undefined) =>
    props.onChange((s) => {
      const queue = { ...s.queue };
      if (draft) queue[id] = draft;
      else delete queue[id];
      return { ...s, queue };
    });

  return (
    <div className="cf-sim-mocks">
      {httpNodes.map((node) => {
        const draft = props.setup.http[node.id] ?? { mode: 'none' };
        const name = props.nodeName(node.id);
        const seconds = timeoutOf(node);
        const answer = props.realAnswers[node.id];
        const integration = integrationOf(node);
        const realOff = integration !== undefined && props.realCallsOff.has(integration);
        return (
          <fieldset key={node.id} className="cf-sim-mock">
            <legend>{t('http', { node: name })}</legend>
            <Radio.Group
              aria-label={t('mode', { node: name })}
              value={draft.mode}
              onChange={(e) => {
                const mode = e.target.value as HttpMockDraft['mode'];
                setHttp(node.id, mode === 'mock' ? DEFAULT_MOCK : { mode });
              }}
              options={[
                { value: 'none', label: t('modeNone') },
                { value: 'mock', label: t('modeMock') },
                { value: 'real', label: t('modeReal'), disabled: realOff },
              ]}
            />
            {realOff && <Alert type="info" showIcon title={t('realOff', { integration })} />}
            {draft.mode === 'mock' && (
              <Space direction="vertical" className="cf-sim-mock-fields">
                <label>
                  {t('status')}
                  <NumberInput
                    min={100}
                    max={599}
                    value={draft.status}
                    onChange={(v) => setHttp(node.id, { ...draft, status: v ?? 200 })}
                    aria-label={`${t('status')} ${name}`}
                  />
                </label>
                <label>
                  {t('body')}
                  <Input.TextArea
                    rows={3}
                    value={draft.bodyText}
                    status={props.problems[node.id] ? 'error' : undefined}
                    onChange={(e) => setHttp(node.id, { ...draft, bodyText: e.target.value })}
                    aria-label={`${t('body')} ${name}`}
                  />
                </label>
                {props.problems[node.id] && <span className="cf-sim-error">{t('bodyNotJson')}</span>}
                <label>
                  {t('delay')}
                  <NumberInput
                    min={0}
                    max={120000}
                    step={100}
                    value={draft.delayMs}
                    onChange={(v) => setHttp(node.id, { ...draft, delayMs: v ?? 0 })}
                    aria-label={`${t('delay')} ${name}`}
                  />
                </label>
                <span className="cf-sim-hint">{t('delayHint', { seconds, ms: seconds * 1000 })}</span>
              </Space>
            )}
            {draft.mode === 'real' && !realOff && (
              <>
                <span className="cf-sim-hint">{t('realHint')}</span>
                {answer && (
                  <Alert
                    type="success"
                    showIcon
                    title={t('realAnswer', { status: answer.status ?? 0, ms: answer.delayMs ?? 0 })}
                  />
                )}
                {props.integrationErrors[node.id] && (
                  <Alert
                    type="error"
                    showIcon
                    title={t('realFailed', { message: props.integrationErrors[node.id] ?? '' })}
                  />
                )}
              </>
            )}
          </fieldset>
        );
      })}
      {queueNodes.map((node) => {
        const draft = props.setup.queue[node.id];
        const name = props.nodeName(node.id);
        return (
          <fieldset key={node.id} className="cf-sim-mock">
            <legend>{t('queue', { node: name })}</legend>
            <Checkbox
              checked={draft !== undefined}
              onChange={(e) => setQueue(node.id, e.target.checked ? DEFAULT_QUEUE : undefined)}
            >
              {t('mockQueue', { node: name })}
            </Checkbox>
            {draft && (
              <Space direction="vertical" className="cf-sim-mock-fields">
                <Checkbox
                  checked={draft.agentsAvailable}
                  onChange={(e) => setQueue(node.id, { ...draft, agentsAvailable: e.target.checked })}
                >
                  {t('agents')}
                </Checkbox>
                <label>
                  {t('outcome')}
                  <Select
                    aria-label={`${t('outcome')} ${name}`}
                    disabled={!draft.agentsAvailable}
                    value={draft.outcome}
                    onChange={(outcome) => setQueue(node.id, { ...draft, outcome })}
                    options={(['answered', 'overflow', 'callback'] as const).map((o) => ({
                      value: o,
                      label: t(`outcomes.${o}`),
                    }))}
                  />
                </label>
                <label>
                  {t('wait')}
                  <NumberInput
                    min={0}
                    max={86400}
                    disabled={!draft.agentsAvailable}
                    value={draft.waitSeconds}
                    onChange={(v) => setQueue(node.id, { ...draft, waitSeconds: v ?? 0 })}
                    aria-label={`${t('wait')} ${name}`}
                  />
                </label>
              </Space>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
