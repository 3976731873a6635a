'use client';
// The tests panel's coverage part: the percentage, what no test reaches, and the canvas overlay switch.

import { Switch } from 'antd';
import { useTranslations } from 'next-intl';
import { getNodeDefinition } from '../../../../flow-engine/nodes/index';
import { nodeView } from '../../nodes/node-view';
import { usePortLabel } from '../../nodes/node-texts';
import { useContentNodes } from '../store/use-content';
import { useTestRun, useTestRunApi } from '../tests/test-run-store';
import { coverageSummary } from './coverage-marks';

export function CoverageSection() {
  const t = useTranslations('editor.tests.coverage');
  const api = useTestRunApi();
  const coverage = useTestRun((s) => s.report?.coverage);
  const shown = useTestRun((s) => s.coverageShown);
  const nodes = useContentNodes();
  const portLabel = usePortLabel();
  if (!coverage) return null;

  const summary = coverageSummary(coverage);
  const nodeName = (id: string) => nodes.find((n) => n.id === id)?.label || id;
  const portName = (nodeId: string, port: string) => {
    const node = nodes.find((n) => n.id === nodeId);
    const spec = node && getNodeDefinition(node.type) ? nodeView(node).ports.find((p) => p.name === port) : undefined;
    return spec ? portLabel(spec) : port;
  };

  return (
    <section className="cf-coverage" aria-labelledby="cf-coverage-heading">
      <h3 id="cf-coverage-heading" className="cf-tests-heading">
        {t('title')}
      </h3>
      <p>
        {t('summary', {
          percent: summary.percent,
          nodes: summary.nodes.covered,
          nodesTotal: summary.nodes.total,
          ports: summary.ports.covered,
          portsTotal: summary.ports.total,
        })}
      </p>
      <label className="cf-coverage-switch">
        <Switch size="small" checked={shown} onChange={(checked) => api.getState().showCoverage(checked)} /> {t('show')}
      </label>
      {coverage.nodes.missed.length === 0 && coverage.ports.missed.length === 0 ? (
        <p>{t('all')}</p>
      ) : (
        <>
          {coverage.nodes.missed.length > 0 && (
            <>
              <h4 className="cf-test-detail-heading">{t('nodes')}</h4>
              <ul className="cf-coverage-list" aria-label={t('nodes')}>
                {coverage.nodes.missed.map((id) => (
                  <li key={id}>{nodeName(id)}</li>
                ))}
              </ul>
            </>
          )}
          {coverage.ports.missed.length > 0 && (
            <>
              <h4 className="cf-test-detail-heading">{t('ports')}</h4>
              <ul className="cf-coverage-list" aria-label={t('ports')}>
                {coverage.ports.missed.map(({ node, port }) => (
                  <li key={`${node}\u0000${port}`}>
                    {t('port', { node: nodeName(node), port: portName(node, port) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
