'use client';
// Play inspector: the prompt and whether a key press skips it.

import { useTranslations } from 'next-intl';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { SwitchField } from '../../form-kit/form-fields';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function PlayInspector(props: InspectorProps) {
  const t = useTranslations('inspector.fields');
  const { control } = useNodeForm(props, nodeDefinitions.play.config);
  const names = useScopeNames(props.flow);
  return (
    <>
      <PromptField
        control={control}
        name="prompt"
        label={t('prompt')}
        languages={props.flow.languages}
        names={names}
        disabled={props.readOnly}
      />
      <SwitchField control={control} name="bargeIn" label={t('bargeIn')} hint={t('bargeInHint')} />
    </>
  );
}
