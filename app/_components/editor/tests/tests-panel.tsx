'use client';
// The tests panel: the flow's test cases with their last result, "Run all tests" in the browser, a failing case's
// path difference on the canvas, coverage, and a small form to rename, delete or re-expect a case.

import {
  CheckCircleFilled,
  CloseCircleFilled,
  CloseOutlined,
  DeleteOutlined,
  EditOutlined,
  MinusCircleOutlined,
  PlayCircleOutlined,
} from '@ant-design/icons';
import { useReactFlow } from '@xyflow/react';
import { Alert, Button, Popconfirm, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import type { TestCaseResult } from '../../../../flow-engine/simulator/run-tests';
import type { TestCase } from '../../../../flow-engine/test-case';
import { CoverageSection } from '../coverage/coverage-section';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { useContentDoc } from '../store/use-content';
import { deleteTest } from './test-case-edits';
import { TestCaseForm } from './test-case-form';
import { TestDiffView } from './test-diff-view';
import { useRunTests, useTestRun, useTestRunApi } from './test-run-store';

export function TestsPanel({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useTranslations('editor.tests');
  const store = useEditorStoreApi();
  const runApi = useTestRunApi();
  const runTests = useRunTests();
  const reactFlow = useReactFlow();
  const doc = useContentDoc();
  // Tests follow their own flag: a tester edits them while the design stays read-only.
  const testsEditable = useEditorStore((s) => s.testsEditable);
  const status = useTestRun((s) => s.status);
  const report = useTestRun((s) => s.report);
  const ranOn = useTestRun((s) => s.ranOn);
  const error = useTestRun((s) => s.error);
  const diffCase = useTestRun((s) => s.diffCase);
  const diff = useTestRun((s) => s.diff);
  const [editing, setEditing] = useState<number | undefined>();
  const headingId = useId();
  const tests = doc.tests ?? [];

  // The path difference belongs to the open panel: closing it clears the canvas layer.
  useEffect(() => {
    if (!open) runApi.getState().showDiff(undefined);
  }, [open, runApi]);

  const resultOf = (test: TestCase, index: number): { result: TestCaseResult; at: number } | undefined => {
    if (!report) return undefined;
    const at = report.cases[index]?.name === test.name ? index : report.cases.findIndex((c) => c.name === test.name);
    const result = report.cases[at];
    return result ? { result, at } : undefined;
  };

  const toggleDiff = (at: number) => {
    if (diffCase === at) {
      runApi.getState().showDiff(undefined);
      return;
    }
    runApi.getState().showDiff(at);
    const marked = Object.keys(runApi.getState().diff?.marks.nodes ?? {}).filter((id) =>
      store.getState().doc.nodes.some((n) => n.id === id),
    );
    if (marked.length) void reactFlow.fitView({ nodes: marked.map((id) => ({ id })), duration: 250, padding: 0.2 });
  };

  if (!open) return null;
  return (
    // A side panel beside the inspector rather than a drawer over the canvas: the path it paints stays in view and the
    // top bar (undo, publish) stays reachable.
    <aside className="cf-tests-panel" aria-labelledby={headingId} tabIndex={-1}>
      <header className="cf-tests-panel-header">
        <h2 id={headingId} className="cf-tests-panel-title">
          {t('title')}
        </h2>
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          loading={status === 'running'}
          disabled={tests.length === 0}
          onClick={() => void runTests()}
        >
          {t('runAll')}
        </Button>
        <Button type="text" icon={<CloseOutlined />} aria-label={t('close')} onClick={onClose} />
      </header>
      {!testsEditable && <p className="cf-field-hint">{t('readOnly')}</p>}
      <div role="status" className="cf-tests-status">
        {status === 'running' && t('running')}
        {status === 'done' && report && t('summary', { passed: report.passed, failed: report.failed })}
        {status === 'idle' && tests.length > 0 && t('notRunYet')}
      </div>
      {status === 'error' && error && (
        <Alert type="error" showIcon title={t('runError', { message: error })} role="alert" />
      )}
      {ranOn && ranOn !== doc && status !== 'running' && <Alert type="warning" showIcon title={t('stale')} />}
      {tests.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="cf-tests-list" aria-label={t('list')}>
          {tests.map((test, index) => {
            const found = resultOf(test, index);
            const state = found ? (found.result.passed ? 'passed' : 'failed') : 'notRun';
            const selected = found !== undefined && diffCase === found.at;
            return (
              <li key={`${index}-${test.name}`} className={`cf-test cf-test-${state}`}>
                <div className="cf-test-row">
                  {state === 'passed' ? (
                    <CheckCircleFilled className="cf-test-icon-passed" aria-label={t('passed')} />
                  ) : state === 'failed' ? (
                    <CloseCircleFilled className="cf-test-icon-failed" aria-label={t('failed')} />
                  ) : (
                    <MinusCircleOutlined className="cf-test-icon-not-run" aria-label={t('notRun')} />
                  )}
                  {found ? (
                    <button
                      type="button"
                      className="cf-test-name"
                      aria-expanded={selected}
                      onClick={() => toggleDiff(found.at)}
                      title={selected ? t('hideDiff') : t('showDiff')}
                    >
                      {test.name}
                    </button>
                  ) : (
                    <span className="cf-test-name">{test.name}</span>
                  )}
                  {testsEditable && (
                    <Space size={2}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={t('edit', { name: test.name })}
                        aria-expanded={editing === index}
                        onClick={() => setEditing(editing === index ? undefined : index)}
                      />
                      <Popconfirm
                        title={t('deleteConfirm', { name: test.name })}
                        okText={t('deleteOk')}
                        cancelText={t('cancel')}
                        onConfirm={() => {
                          setEditing(undefined);
                          if (found && diffCase === found.at) runApi.getState().showDiff(undefined);
                          store.getState().dispatch({ kind: 'updateFlow', patch: { tests: deleteTest(tests, index) } });
                        }}
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('delete', { name: test.name })}
                        />
                      </Popconfirm>
                    </Space>
                  )}
                </div>
                {selected && found && <TestDiffView result={found.result} diff={diff} />}
                {editing === index && testsEditable && <TestCaseForm key={`${index}-${test.name}`} index={index} />}
              </li>
            );
          })}
        </ul>
      )}
      <CoverageSection />
    </aside>
  );
}
