'use client';
// Start inspector: whether the call is answered before the first node.

import { useTranslations } from 'next-intl';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { SwitchField } from '../../form-kit/form-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function StartInspector(props: InspectorProps) {
  const t = useTranslations('inspector.fields');
  const { control } = useNodeForm(props, nodeDefinitions.start.config);
  return <SwitchField control={control} name="answer" label={t('answer')} hint={t('answerHint')} defaultChecked />;
}
