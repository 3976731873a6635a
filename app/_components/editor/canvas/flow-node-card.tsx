'use client';
// The one generic canvas node: icon, label, config summary, a labelled handle per port, issue badges and its sticky note.

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { getNodeDefinition } from '../../../../flow-engine/nodes/index';
import { nodeUiOf } from '../../nodes/index';
import { nodeView } from '../../nodes/node-view';
import { useCardDecoration } from './card-decorations';
import { IssueBadge } from './issue-badge';
import { useNodeSummary, usePortLabel, useNodeTypeTitle } from '../../nodes/node-texts';
import type { CanvasNode } from './to-react-flow';

function FlowNodeCardInner({ id, data, selected }: NodeProps<CanvasNode>) {
  const t = useTranslations('editor');
  const node = data.node;
  const view = nodeView(node);
  const ui = nodeUiOf(node.type);
  const typeTitle = useNodeTypeTitle()(node.type, getNodeDefinition(node.type)?.title ?? node.type);
  const portLabel = usePortLabel();
  const summary = useNodeSummary()(view.summary);
  // Counts, highlight and marks from the canvas's one store subscription: a validation run or a new mark re-renders
  // only the cards whose decoration changed, and a drag's frames re-render none (card-decorations.ts).
  const { errors, warnings, highlighted, marks, portMarks } = useCardDecoration(id);
  const Icon = ui?.icon;
  const label = node.label || typeTitle;
  const classes = [
    'cf-node',
    selected ? 'is-selected' : '',
    errors ? 'has-errors' : warnings ? 'has-warnings' : '',
    highlighted ? 'is-highlighted' : '',
    marks,
  ];

  return (
    <div
      className={classes.join(' ')}
      data-node-id={id}
      data-testid={`node-${id}`}
      role="group"
      aria-label={t('node.aria', { label, type: typeTitle })}
    >
      {node.note && (
        <div className="cf-node-note" role="note" aria-label={t('node.noteAria')}>
          {node.note}
        </div>
      )}
      {node.type !== 'start' && (
        <Handle type="target" position={Position.Left} className="cf-handle-in" title={t('node.inHandle', { label })} />
      )}
      <div className="cf-node-header" style={{ borderTopColor: ui?.accent }}>
        {Icon && <Icon className="cf-node-icon" aria-hidden />}
        <span className="cf-node-label">{label}</span>
        {errors > 0 && (
          <IssueBadge nodeId={id} severity="error" label={t('node.errors', { count: errors })} count={errors} />
        )}
        {warnings > 0 && (
          <IssueBadge nodeId={id} severity="warning" label={t('node.warnings', { count: warnings })} count={warnings} />
        )}
      </div>
      <div className="cf-node-type">{typeTitle}</div>
      {summary && <div className="cf-node-summary">{summary}</div>}
      {view.ports.length > 0 && (
        <ul className="cf-node-ports">
          {view.ports.map((port) => {
            const text = portLabel(port);
            return (
              <li key={port.name} className="cf-node-port" data-port={port.name}>
                {portMarks[port.name] && <span className={`cf-port-mark ${portMarks[port.name]}`} aria-hidden />}
                <span>{text}</span>
                <Handle
                  type="source"
                  id={port.name}
                  position={Position.Right}
                  className="cf-handle-out"
                  title={t('node.outHandle', { label, port: text })}
                />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export const FlowNodeCard = memo(FlowNodeCardInner);
