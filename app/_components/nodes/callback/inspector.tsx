'use client';
// Callback inspector: the number to call back, the team, when (as soon as possible or next opening) and the confirmation.

import { useTranslations } from 'next-intl';
import { useWatch } from 'react-hook-form';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { SelectField } from '../../form-kit/form-fields';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { ResourceRefField } from '../../form-kit/resources/resource-ref-field';
import { TemplateField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function CallbackInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.callback.config);
  const names = useScopeNames(props.flow);
  const when = useWatch({ control, name: 'when' });
  return (
    <>
      <TemplateField
        control={control}
        name="number"
        label={t('callback.number')}
        placeholder="{{call.caller}}"
        names={names}
        optional
        disabled={props.readOnly}
      />
      <ResourceRefField control={control} name="skillGroup" label={t('fields.skillGroup')} kind="skillGroup" />
      <SelectField
        control={control}
        name="when"
        label={t('callback.when')}
        placeholder={t('callback.whens.asap')}
        options={[
          { value: 'asap', label: t('callback.whens.asap') },
          { value: 'nextOpen', label: t('callback.whens.nextOpen') },
        ]}
      />
      {(when === 'nextOpen' || when === undefined) && (
        <ResourceRefField
          control={control}
          name="schedule"
          label={t('fields.schedule')}
          kind="schedule"
          hint={t('callback.scheduleHint')}
        />
      )}
      <PromptField
        control={control}
        name="prompt"
        label={t('callback.prompt')}
        languages={props.flow.languages}
        names={names}
        optional
        disabled={props.readOnly}
      />
    </>
  );
}
