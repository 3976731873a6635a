'use client';
// Transfer inspector: the target number or SIP address, ring time, caller id shown and what the caller hears first.

import { useTranslations } from 'next-intl';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { NumberField } from '../../form-kit/form-fields';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { TemplateField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function TransferInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.transfer.config);
  const names = useScopeNames(props.flow);
  return (
    <>
      <TemplateField
        control={control}
        name="to"
        label={t('transfer.to')}
        hint={t('transfer.toHint')}
        placeholder="sip:sales@pbx.example.com"
        names={names}
        disabled={props.readOnly}
      />
      <NumberField
        control={control}
        name="timeoutSeconds"
        label={t('transfer.timeoutSeconds')}
        min={5}
        max={300}
        step={1}
        placeholder="30"
      />
      <TemplateField
        control={control}
        name="callerId"
        label={t('transfer.callerId')}
        hint={t('transfer.callerIdHint')}
        placeholder="{{call.caller}}"
        names={names}
        optional
        disabled={props.readOnly}
      />
      <PromptField
        control={control}
        name="prompt"
        label={t('transfer.prompt')}
        languages={props.flow.languages}
        names={names}
        optional
        disabled={props.readOnly}
      />
    </>
  );
}
