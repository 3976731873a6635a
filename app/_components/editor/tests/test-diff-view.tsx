'use client';
// A run test's failures and its expected-vs-actual path in words (the canvas shows the same in colour).

import { useTranslations } from 'next-intl';
import type { TestCaseResult } from '../../../../flow-engine/simulator/run-tests';
import { useContentNodes } from '../store/use-content';
import type { PathDiff } from './path-diff';

export function TestDiffView({ result, diff }: { result: TestCaseResult; diff: PathDiff | undefined }) {
  const t = useTranslations('editor.tests');
  const nodes = useContentNodes();
  const name = (id: string) => nodes.find((n) => n.id === id)?.label || id;
  const list = (ids: string[]) => (ids.length ? ids.map(name).join(', ') : t('diff.nothing'));

  return (
    <div className="cf-test-detail">
      {result.failures.length > 0 && (
        <>
          <h4 className="cf-test-detail-heading">{t('failures')}</h4>
          <ul className="cf-test-failures">
            {result.failures.map((failure, index) => (
              <li key={index}>{failure}</li>
            ))}
          </ul>
        </>
      )}
      {diff && (
        <section aria-label={t('diff.title')} className="cf-test-diff">
          <h4 className="cf-test-detail-heading">{t('diff.title')}</h4>
          <p>
            {t('diff.expected', {
              path: diff.expected.length ? diff.expected.map(name).join(' → ') : t('diff.anyPath'),
            })}
          </p>
          <p>{t('diff.actual', { path: diff.actual.map(name).join(' → ') })}</p>
          {diff.endMismatch && (
            <p>{t('diff.end', { expected: name(diff.endMismatch.expected), actual: name(diff.endMismatch.actual) })}</p>
          )}
          <ul className="cf-test-diff-legend">
            <li className="cf-test-diff-expected-only">{t('diff.expectedOnly', { nodes: list(diff.expectedOnly) })}</li>
            <li className="cf-test-diff-actual-only">{t('diff.actualOnly', { nodes: list(diff.actualOnly) })}</li>
            <li className="cf-test-diff-both">{t('diff.both', { nodes: list(diff.both) })}</li>
          </ul>
          {diff.outOfOrder.length > 0 && <p>{t('diff.outOfOrder', { nodes: list(diff.outOfOrder) })}</p>}
        </section>
      )}
    </div>
  );
}
