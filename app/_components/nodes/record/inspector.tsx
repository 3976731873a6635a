'use client';
// Record / voicemail inspector: prompt, purpose, mailbox team, limits, beep and where the recording goes.

import { Col, Row } from 'antd';
import { useTranslations } from 'next-intl';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { NumberField, SelectField, SwitchField } from '../../form-kit/form-fields';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { ResourceRefField } from '../../form-kit/resources/resource-ref-field';
import { VariableField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function RecordInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.record.config);
  const names = useScopeNames(props.flow);
  return (
    <>
      <PromptField
        control={control}
        name="prompt"
        label={t('fields.prompt')}
        languages={props.flow.languages}
        names={names}
        optional
        disabled={props.readOnly}
      />
      <SelectField
        control={control}
        name="purpose"
        label={t('record.purpose')}
        placeholder={t('record.purposes.voicemail')}
        options={[
          { value: 'voicemail', label: t('record.purposes.voicemail') },
          { value: 'message', label: t('record.purposes.message') },
        ]}
      />
      <ResourceRefField
        control={control}
        name="mailbox"
        label={t('record.mailbox')}
        hint={t('record.mailboxHint')}
        kind="skillGroup"
      />
      <Row gutter={8}>
        <Col span={12}>
          <NumberField
            control={control}
            name="maxSeconds"
            label={t('record.maxSeconds')}
            min={1}
            max={3600}
            step={1}
            placeholder="120"
          />
        </Col>
        <Col span={12}>
          <NumberField
            control={control}
            name="silenceSeconds"
            label={t('record.silenceSeconds')}
            min={1}
            max={60}
            step={1}
            placeholder="5"
          />
        </Col>
      </Row>
      <SwitchField control={control} name="beep" label={t('record.beep')} defaultChecked />
      <VariableField
        control={control}
        name="variable"
        label={t('record.storeLocation')}
        names={names}
        optional
        disabled={props.readOnly}
      />
    </>
  );
}
