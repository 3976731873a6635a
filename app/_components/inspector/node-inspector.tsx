'use client';
// The inspector of the selected node: its type, label and id, then the form of its type, which it takes from the
// type's studio entry (app/_components/nodes/<type>/index.ts).

import { Form, Input, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { InspectorProps } from '../form-kit/inspector-props';
import { EDIT_BURST_MS } from '../form-kit/use-node-form';
import { FieldRow } from '../form-kit/form-fields';
import { nodeUi, nodeUiOf } from '../nodes/index';
import type { NodeForm, NodeFormLoader } from '../nodes/node-ui';
import { useNodeTypeTitle } from '../nodes/node-texts';
import { useFocusPath } from './use-focus-path';

function LabelInput({
  label,
  onLabelChange,
  nodeId,
}: {
  label: string;
  onLabelChange(label: string): void;
  nodeId: string;
}) {
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

/**
 * The form `loader` gives, in the render that asks for it once it has loaded; until then undefined, and the render
 * after it arrives shows it. A failed load is thrown to the nearest error boundary, as a lazy component's would be.
 */
function useLoadedForm(loader: NodeFormLoader | undefined): NodeForm | undefined {
  const [, setArrived] = useState(0);
  const [failure, setFailure] = useState<{ loader: NodeFormLoader; error: unknown }>();
  useEffect(() => {
    if (!loader || loader.loaded) return;
    let current = true;
    loader().then(
      () => current && setArrived((n) => n + 1),
      (error: unknown) => current && setFailure({ loader, error }),
    );
    return () => {
      current = false;
    };
  }, [loader]);
  if (failure && failure.loader === loader) throw failure.error;
  return loader?.loaded;
}

/**
 * Once a first node is shown, every type's loader is run: the forms are one chunk (app/_components/nodes/forms.ts),
 * so this fetches nothing more, and moving to a node of another type shows its form in the same render.
 */
function useAllFormsLoading(): void {
  useEffect(() => {
    // A form that fails here is loaded again, and its failure shown, when its node is selected (useLoadedForm).
    for (const ui of Object.values(nodeUi)) ui.inspector().catch(() => undefined);
  }, []);
}

export function NodeInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  useAllFormsLoading();
  const ui = nodeUiOf(props.node.type);
  const NodeForm = useLoadedForm(ui?.inspector);
  if (!ui) return <Typography.Text type="danger">{t('unknownType', { type: props.node.type })}</Typography.Text>;
  // Nothing until the type's form has loaded (the first node shown), then the header, label and form together.
  return NodeForm ? <LoadedNodeInspector {...props} form={NodeForm} /> : null;
}

function LoadedNodeInspector({ form: NodeForm, ...props }: InspectorProps & { form: NodeForm }) {
  const t = useTranslations('inspector');
  const typeTitle = useNodeTypeTitle();
  const container = useRef<HTMLDivElement>(null);
  useFocusPath(container, props.focusPath, props.node.id);
  return (
    <div
      ref={container}
      className="node-inspector"
      data-node-id={props.node.id}
      aria-label={t('nodeInspector')}
      role="region"
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {typeTitle(props.node.type)}
        </Typography.Title>
        <Tag>{props.node.id}</Tag>
      </div>
      <Form layout="vertical" size="small" disabled={props.readOnly} component="div">
        {/* A new node mounts a new label field and form: no state of the previous node's fields leaks into them. The
            two keys differ: siblings sharing a key leave the old label field behind (one more per node clicked). */}
        <LabelInput
          key={`label-${props.node.id}`}
          label={props.node.label ?? ''}
          onLabelChange={props.onLabelChange}
          nodeId={props.node.id}
        />
        <NodeForm key={`form-${props.node.id}`} {...props} />
      </Form>
    </div>
  );
}
