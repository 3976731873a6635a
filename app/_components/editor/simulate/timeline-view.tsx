'use client';
// The steps of the call in order, with the port taken at each node.

import { useTranslations } from 'next-intl';
import type { TraceStep } from '../../../../flow-engine/simulator';
import { usePortLabel } from '../../nodes/node-texts';

export function TimelineView({
  steps,
  waiting,
  nodeName,
}: {
  steps: TraceStep[];
  waiting: boolean;
  nodeName(id: string): string;
}) {
  const t = useTranslations('editor.simulate.timeline');
  // Fixed ports in the UI language (noInput → 无输入); keys and the admin's own port names as they are.
  const portLabel = usePortLabel();
  if (steps.length === 0) return <p className="cf-sim-empty">{t('empty')}</p>;
  return (
    <ol className="cf-sim-timeline">
      {steps.map((step, index) => {
        const node = nodeName(step.node);
        const last = index === steps.length - 1;
        return (
          <li key={index}>
            {step.port !== null
              ? t('port', { node, port: portLabel({ name: step.port, label: step.port }) })
              : last && waiting
                ? t('waiting', { node })
                : t('ended', { node })}
          </li>
        );
      })}
    </ol>
  );
}
