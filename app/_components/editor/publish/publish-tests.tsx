'use client';
// The publish dialog's tests part: runs the draft's tests when the dialog opens, shows results and coverage, and
// blocks publishing when the admin setting requires passing tests and some fail (versions.publish refuses it too).

import { Alert, Spin } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { trpc } from '../../../_lib/trpc-client';
import { coverageSummary } from '../coverage/coverage-marks';
import { useEditorStore } from '../store/editor-store-context';
import { useRunTests, useTestRun } from '../tests/test-run-store';

/** Whether an admin requires passing tests to publish; undefined while loading or when it could not be read. */
function useRequireTestsToPublish(open: boolean): boolean | undefined {
  const [required, setRequired] = useState<boolean | undefined>();
  useEffect(() => {
    if (!open) return;
    let current = true;
    trpc.settings.get
      .query()
      .then((settings) => current && setRequired(settings.requireTestsToPublish))
      // Unreadable settings do not block here: the server applies them on publish and says why it refused.
      .catch(() => current && setRequired(undefined));
    return () => {
      current = false;
    };
  }, [open]);
  return required;
}

/** Runs the tests on open; returns whether publishing must wait for failing tests to be fixed. */
export function usePublishTestGate(open: boolean): { blocked: boolean } {
  const runTests = useRunTests();
  const required = useRequireTestsToPublish(open);
  const failed = useTestRun((s) => (s.status === 'done' ? (s.report?.failed ?? 0) : 0));
  useEffect(() => {
    if (open) void runTests();
  }, [open, runTests]);
  return { blocked: required === true && failed > 0 };
}

export function PublishTests({ blocked }: { blocked: boolean }) {
  const t = useTranslations('editor.publish.tests');
  const status = useTestRun((s) => s.status);
  const report = useTestRun((s) => s.report);
  const error = useTestRun((s) => s.error);
  const tests = useEditorStore((s) => s.doc.tests?.length ?? 0);

  return (
    <section aria-labelledby="cf-publish-tests-heading">
      <h3 id="cf-publish-tests-heading" className="cf-review-heading">
        {t('heading')}
      </h3>
      {tests === 0 ? (
        <p>{t('none')}</p>
      ) : status === 'running' || status === 'idle' ? (
        <p>
          <Spin size="small" /> {t('running')}
        </p>
      ) : status === 'error' ? (
        <Alert type="warning" showIcon title={t('couldNotRun', { message: error ?? '' })} />
      ) : (
        report && (
          <>
            <p role="status">
              {t('result', {
                passed: report.passed,
                total: report.cases.length,
                percent: coverageSummary(report.coverage).percent,
              })}
            </p>
            {report.failed > 0 && (
              <p className="cf-test-failures">
                {t('failing', {
                  names: report.cases
                    .filter((c) => !c.passed)
                    .map((c) => `“${c.name}”`)
                    .join(', '),
                })}
              </p>
            )}
          </>
        )
      )}
      {blocked && <Alert type="error" showIcon title={t('required')} role="alert" />}
    </section>
  );
}
