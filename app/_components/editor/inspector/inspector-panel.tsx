'use client';
// The right panel: the selected node's label, sticky note and form, or the flow's settings when nothing is selected.

import { Form, Input, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { getNodeDefinition } from '../../../../flow-engine/nodes/index';
import { useNodeTypeTitle } from '../canvas/node-texts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';

export function InspectorPanel() {
  const t = useTranslations('editor.inspector');
  const store = useEditorStoreApi();
  const selectedId = useEditorStore((s) => (s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : undefined));
  const selectedCount = useEditorStore((s) => s.selectedNodeIds.length);
  const node = useEditorStore((s) => (selectedId ? s.doc.nodes.find((n) => n.id === selectedId) : undefined));
  const readOnly = useEditorStore((s) => s.readOnly);
  const title = useNodeTypeTitle();

  if (selectedCount > 1) {
    return (
      <aside className="cf-inspector" aria-label={t('aria')}>
        <Typography.Text type="secondary">{t('many', { count: selectedCount })}</Typography.Text>
      </aside>
    );
  }
  if (!node) {
    return (
      <aside className="cf-inspector" aria-label={t('aria')}>
        <FlowSettings />
      </aside>
    );
  }
  return (
    <aside className="cf-inspector" aria-label={t('aria')}>
      <Typography.Title level={2} className="cf-inspector-title">
        {title(node.type, getNodeDefinition(node.type)?.title ?? node.type)} <Typography.Text type="secondary">· {node.id}</Typography.Text>
      </Typography.Title>
      <Form layout="vertical" size="small">
        <Form.Item label={t('label')} htmlFor="cf-node-label">
          <Input
            id="cf-node-label"
            value={node.label ?? ''}
            maxLength={200}
            disabled={readOnly}
            onChange={(e) => store.getState().dispatch({ kind: 'setNodeLabel', nodeId: node.id, label: e.target.value })}
          />
        </Form.Item>
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
    </aside>
  );
}

function FlowSettings() {
  const t = useTranslations('editor.inspector');
  const store = useEditorStoreApi();
  const name = useEditorStore((s) => s.doc.name);
  const description = useEditorStore((s) => s.doc.description ?? '');
  const readOnly = useEditorStore((s) => s.readOnly);
  return (
    <>
      <Typography.Title level={2} className="cf-inspector-title">
        {t('flow')}
      </Typography.Title>
      <Form layout="vertical" size="small">
        <Form.Item label={t('flowName')} htmlFor="cf-flow-name">
          <Input id="cf-flow-name" value={name} maxLength={200} disabled={readOnly} onChange={(e) => store.getState().dispatch({ kind: 'updateFlow', patch: { name: e.target.value } })} />
        </Form.Item>
        <Form.Item label={t('description')} htmlFor="cf-flow-description">
          <Input.TextArea
            id="cf-flow-description"
            value={description}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            disabled={readOnly}
            onChange={(e) => store.getState().dispatch({ kind: 'updateFlow', patch: { description: e.target.value } })}
          />
        </Form.Item>
      </Form>
    </>
  );
}
