'use client';
// What screen readers hear on the canvas in the UI language: each connection named by its nodes' labels and port
// ("主菜单（按键 1）连到 转人工", not React Flow's "Edge from menu_vtbcvy to agent_x1"), and React Flow's own
// control, minimap, handle and keyboard texts (its `ariaLabelConfig`).

import type { ReactFlowProps } from '@xyflow/react';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { FlowEdge, FlowNode } from '../../../../flow-engine/document';
import { nodeNamer } from '../../../../flow-engine/node-names';
import { useNodeTypeTitle, usePortLabel } from '../../nodes/node-texts';

/** `(edge) => label` naming `nodes` by label and the port in the UI language. */
export function useEdgeAriaLabel(nodes: readonly FlowNode[]): (edge: FlowEdge) => string {
  const t = useTranslations('editor.canvas');
  const typeTitle = useNodeTypeTitle();
  const portLabel = usePortLabel();
  return useMemo(() => {
    const name = nodeNamer(nodes, (type) => typeTitle(type, type));
    return (edge: FlowEdge) =>
      t('edgeAria', {
        source: name(edge.source),
        port: portLabel({ name: edge.port, label: edge.port }),
        target: name(edge.target),
      });
  }, [nodes, t, typeTitle, portLabel]);
}

/** React Flow's built-in texts in the UI language. */
export function useReactFlowAria(): NonNullable<ReactFlowProps['ariaLabelConfig']> {
  const t = useTranslations('editor.canvas.reactFlow');
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('nodeDescriptionKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('nodeMoved', { direction, x, y }),
      'edge.a11yDescription.default': t('edgeDescription'),
      'controls.ariaLabel': t('controls'),
      'controls.zoomIn.ariaLabel': t('zoomIn'),
      'controls.zoomOut.ariaLabel': t('zoomOut'),
      'controls.fitView.ariaLabel': t('fitView'),
      'controls.interactive.ariaLabel': t('interactive'),
      'minimap.ariaLabel': t('minimap'),
      'handle.ariaLabel': t('handle'),
    }),
    [t],
  );
}
