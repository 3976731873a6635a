'use client';
// The top bar's Tests button, with the coverage percentage of the last run beside it (what it counts in a tooltip).

import { ExperimentOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { coverageSummary } from '../coverage/coverage-marks';
import { useTestRun } from './test-run-store';

export function TestsButton({ onClick }: { onClick(): void }) {
  const t = useTranslations('editor.toolbar');
  const coverage = useTestRun((s) => s.report?.coverage);
  const failed = useTestRun((s) => s.report?.failed ?? 0);
  const summary = coverage && coverageSummary(coverage);
  return (
    <>
      <Button icon={<ExperimentOutlined />} onClick={onClick} danger={failed > 0}>
        {t('tests')}
      </Button>
      {summary && (
        <Tooltip
          title={t('coverageHint', {
            nodes: summary.nodes.covered,
            nodesTotal: summary.nodes.total,
            ports: summary.ports.covered,
            portsTotal: summary.ports.total,
          })}
        >
          {/* Focusable so keyboard users reach the tooltip's explanation too. */}
          <Tag className="cf-coverage-tag" tabIndex={0} data-testid="coverage-percent">
            {t('coverage', { percent: summary.percent })}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}
