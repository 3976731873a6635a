'use client';
// Hang-up inspector: an optional goodbye and the reason reports show.

import { useTranslations } from 'next-intl';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { TextField } from '../../form-kit/form-fields';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function HangupInspector(props: InspectorProps) {
  const t = useTranslations('inspector.fields');
  const { control } = useNodeForm(props, nodeDefinitions.hangup.config);
  const names = useScopeNames(props.flow);
  return (
    <>
      <PromptField
        control={control}
        name="prompt"
        label={t('goodbye')}
        languages={props.flow.languages}
        names={names}
        optional
        disabled={props.readOnly}
      />
      <TextField
        control={control}
        name="reason"
        label={t('reason')}
        hint={t('reasonHint')}
        placeholder="self-service-complete"
      />
    </>
  );
}
