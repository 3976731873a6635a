'use client';
// The inspector of the selected node: its type, label and id, then the form of its type.

import { Form, Input, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { getNodeDefinition, isNodeType } from '../../../flow-engine/nodes/index';
import type { InspectorProps } from '../nodes/inspector-props';
import { EDIT_BURST_MS } from './use-node-form';
import { FieldRow } from './form-fields';
import { inspectorForms } from './inspector-forms';
import { useFocusPath } from './use-focus-path';

function LabelInput({ label, onLabelChange, nodeId }: { label: string; onLabelChange(label: string): void; nodeId: string }) {
  const t = useTranslations('inspector');
  const [text, setText] = useState(label);
  const sent = useRef(label);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onChange = useRef(onLabelChange);
  onChange.current = onLabelChange;
  useEffect(() => {
    if (label !== sent.current) {
      sent.current = label;
      setText(label);
    }
  }, [label]);
  const flush = (value: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (value === sent.current) return;
    sent.current = value;
    onChange.current(value);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <FieldRow path="/label" label={t('label')}>
      <Input
        value={text}
        placeholder={nodeId}
        aria-label={t('label')}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => flush(value), EDIT_BURST_MS);
        }}
        onBlur={() => flush(text)}
      />
    </FieldRow>
  );
}

export function NodeInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const container = useRef<HTMLDivElement>(null);
  useFocusPath(container, props.focusPath, props.node.id);
  const definition = getNodeDefinition(props.node.type);
  if (!definition || !isNodeType(props.node.type)) {
    return <Typography.Text type="danger">{t('unknownType', { type: props.node.type })}</Typography.Text>;
  }
  const NodeForm = inspectorForms[props.node.type];
  return (
    <div ref={container} className="node-inspector" data-node-id={props.node.id} aria-label={t('nodeInspector')} role="region">
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t(`types.${props.node.type}`)}
        </Typography.Title>
        <Tag>{props.node.id}</Tag>
      </div>
      <Form layout="vertical" size="small" disabled={props.readOnly} component="div">
        {/* A new node mounts a new label field and form: no state of the previous node's fields leaks into them. The
            two keys differ: siblings sharing a key leave the old label field behind (one more per node clicked). */}
        <LabelInput key={`label-${props.node.id}`} label={props.node.label ?? ''} onLabelChange={props.onLabelChange} nodeId={props.node.id} />
        <NodeForm key={`form-${props.node.id}`} {...props} />
      </Form>
    </div>
  );
}
