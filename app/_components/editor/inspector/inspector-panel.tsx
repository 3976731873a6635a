'use client';
// The right panel: the selected node's inspector (the form its type's studio entry names) and its sticky note, or the flow's settings.

import { Form, Input, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { FlowNode } from '../../../../flow-engine/document';
import { FlowInspector } from '../../inspector/flow-inspector';
import { NodeInspector } from '../../inspector/node-inspector';
import type { FlowPatch } from '../commands/editor-command';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { useContentNodes } from '../store/use-content';
import { ConnectionsSection } from './connections-section';
import { MissingVariablesSection } from './missing-variables-section';

export function InspectorPanel() {
  const t = useTranslations('editor.inspector');
  const selectedCount = useEditorStore((s) => s.selectedNodeIds.length);
  const shown = useEditorStore((s) =>
    s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : `${s.selectedNodeIds.length}`,
  );
  const panel = useRef<HTMLElement>(null);
  // Another node (or the flow's settings) starts at the top, not at the previous node's scroll position.
  useLayoutEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
  }, [shown]);
  return (
    // Focusable: it scrolls, and a read-only form (viewers, testers) may hold nothing else the keyboard can reach.
    <aside ref={panel} className="cf-inspector" id="cf-side" aria-label={t('aria')} tabIndex={0}>
      {selectedCount > 1 ? (
        <Typography.Text type="secondary">{t('many', { count: selectedCount })}</Typography.Text>
      ) : selectedCount === 1 ? (
        <SelectedNode />
      ) : (
        <FlowSettings />
      )}
    </aside>
  );
}

function SelectedNode() {
  const t = useTranslations('editor.inspector');
  const store = useEditorStoreApi();
  const selectedId = useEditorStore((s) => s.selectedNodeIds[0]);
  const nodes = useContentNodes();
  const current = nodes.find((n) => n.id === selectedId);
  // A drag moves the node on every frame; the form does not show positions, so it re-renders only when what it
  // shows changes (config, label, note) — not 60 times a second.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the fields it shows are the deps, not the node object
  const node = useMemo(() => current, [current?.id, current?.type, current?.config, current?.label, current?.note]);
  const flow = useInspectorFlow();
  const focusPath = useEditorStore((s) => s.focusPath);
  const readOnly = useEditorStore((s) => s.readOnly);
  const onConfigChange = useCallback(
    (config: Record<string, unknown>) =>
      selectedId && store.getState().dispatch({ kind: 'setNodeConfig', nodeId: selectedId, config }),
    [selectedId, store],
  );
  const onLabelChange = useCallback(
    (label: string) => selectedId && store.getState().dispatch({ kind: 'setNodeLabel', nodeId: selectedId, label }),
    [selectedId, store],
  );
  if (!node) return null;
  return (
    <>
      <NodeInspector
        node={node}
        flow={flow}
        onConfigChange={onConfigChange}
        onLabelChange={onLabelChange}
        focusPath={focusPath}
        readOnly={readOnly}
      />
      <MissingVariablesSection nodeId={node.id} />
      <ConnectionsSection nodeId={node.id} />
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

/**
 * The draft as inspectors read it (variables, languages, other nodes' ids and labels), renewed when those change;
 * node positions alone do not renew it.
 */
function useInspectorFlow() {
  const store = useEditorStoreApi();
  const name = useEditorStore((s) => s.doc.name);
  const description = useEditorStore((s) => s.doc.description);
  const languages = useEditorStore((s) => s.doc.languages);
  const defaultLanguage = useEditorStore((s) => s.doc.defaultLanguage);
  const variables = useEditorStore((s) => s.doc.variables);
  const edges = useEditorStore((s) => s.doc.edges);
  const nodeCount = useEditorStore((s) => s.doc.nodes.length);
  const contentKey = useNodesContent(useContentNodes());
  // The deps say when to take a fresh copy of the draft; the copy itself is read from the store.
  return useMemo(
    () => store.getState().doc,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the deps are the copy's triggers (above)
    [store, name, description, languages, defaultLanguage, variables, edges, nodeCount, contentKey],
  );
}

/** A key that changes when any node's content changes, not when nodes only move. */
function useNodesContent(nodes: readonly FlowNode[]): string {
  const configs = useRef(new WeakMap<object, number>());
  const counter = useRef(0);
  return useMemo(() => {
    let key = '';
    for (const n of nodes) {
      const config = n.config as object;
      let id = configs.current.get(config);
      if (id === undefined) configs.current.set(config, (id = ++counter.current));
      key += `${n.id}:${id}:${n.label ?? ''}|`;
    }
    return key;
  }, [nodes]);
}

function FlowSettings() {
  const store = useEditorStoreApi();
  const flow = useInspectorFlow();
  const readOnly = useEditorStore((s) => s.readOnly);
  const onFlowChange = useCallback(
    (patch: FlowPatch) => store.getState().dispatch({ kind: 'updateFlow', patch }),
    [store],
  );
  return <FlowInspector flow={flow} onFlowChange={onFlowChange} readOnly={readOnly} />;
}
