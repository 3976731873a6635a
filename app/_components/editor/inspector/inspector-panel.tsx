'use client';
// The right panel: the selected node's inspector (from the node UI registry) and its sticky note, or the flow's settings.

import { Form, Input, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { FlowInspector } from '../../inspector/flow-inspector';
import { nodeUiOf } from '../../nodes/index';
import type { FlowPatch } from '../commands/editor-command';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';

export function InspectorPanel() {
  const t = useTranslations('editor.inspector');
  const selectedCount = useEditorStore((s) => s.selectedNodeIds.length);
  return (
    <aside className="cf-inspector" aria-label={t('aria')}>
      {selectedCount > 1 ? <Typography.Text type="secondary">{t('many', { count: selectedCount })}</Typography.Text> : selectedCount === 1 ? <SelectedNode /> : <FlowSettings />}
    </aside>
  );
}

function SelectedNode() {
  const t = useTranslations('editor.inspector');
  const store = useEditorStoreApi();
  const selectedId = useEditorStore((s) => s.selectedNodeIds[0]);
  const node = useEditorStore((s) => s.doc.nodes.find((n) => n.id === selectedId));
  // The inspector reads variables and languages from the whole draft.
  const flow = useEditorStore((s) => s.doc);
  const focusPath = useEditorStore((s) => s.focusPath);
  const readOnly = useEditorStore((s) => s.readOnly);
  const onConfigChange = useCallback(
    (config: Record<string, unknown>) => selectedId && store.getState().dispatch({ kind: 'setNodeConfig', nodeId: selectedId, config }),
    [selectedId, store],
  );
  const onLabelChange = useCallback((label: string) => selectedId && store.getState().dispatch({ kind: 'setNodeLabel', nodeId: selectedId, label }), [selectedId, store]);
  if (!node) return null;
  const Inspector = nodeUiOf(node.type)?.inspector;
  return (
    <>
      {Inspector && (
        <Inspector node={node} flow={flow} onConfigChange={onConfigChange} onLabelChange={onLabelChange} focusPath={focusPath} readOnly={readOnly} />
      )}
      <Form layout="vertical" size="small" component="div">
        <Form.Item label={t('note')} htmlFor="cf-node-note" extra={t('noteHint')}>
          <Input.TextArea
            id="cf-node-note"
            value={node.note ?? ''}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            disabled={readOnly}
            onChange={(e) => store.getState().dispatch({ kind: 'setNodeNote', nodeId: node.id, note: e.target.value })}
          />
        </Form.Item>
      </Form>
    </>
  );
}

function FlowSettings() {
  const store = useEditorStoreApi();
  const flow = useEditorStore((s) => s.doc);
  const readOnly = useEditorStore((s) => s.readOnly);
  const onFlowChange = useCallback((patch: FlowPatch) => store.getState().dispatch({ kind: 'updateFlow', patch }), [store]);
  return <FlowInspector flow={flow} onFlowChange={onFlowChange} readOnly={readOnly} />;
}
