'use client';
// Subflow inspector: which shared flow runs here, by key.

import { useTranslations } from 'next-intl';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { ResourceRefField } from '../../form-kit/resources/resource-ref-field';
import { useNodeForm } from '../../form-kit/use-node-form';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function SubflowInspector(props: InspectorProps) {
  const t = useTranslations('inspector.subflow');
  const { control } = useNodeForm(props, nodeDefinitions.subflow.config);
  return <ResourceRefField control={control} name="flow" label={t('flow')} hint={t('flowHint')} kind="subflow" />;
}
