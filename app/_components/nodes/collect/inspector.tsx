'use client';
// Collect inspector: prompt, the variable, length, terminator, check, sensitivity and retries.

import { Col, Row } from 'antd';
import { useTranslations } from 'next-intl';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { NumberField, SelectField, SwitchField } from '../../form-kit/form-fields';
import { InputOptionsFields } from '../../form-kit/input-options-fields';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { ExpressionField, VariableField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function CollectInspector(props: InspectorProps) {
  const t = useTranslations('inspector.fields');
  const { control } = useNodeForm(props, nodeDefinitions.collect.config);
  const names = useScopeNames(props.flow);
  const checkNames = useScopeNames(props.flow, ['value']);
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
      <VariableField control={control} name="variable" label={t('storeIn')} names={names} disabled={props.readOnly} />
      <Row gutter={8}>
        <Col span={12}>
          <NumberField
            control={control}
            name="minDigits"
            label={t('minDigits')}
            min={1}
            max={64}
            step={1}
            placeholder="1"
          />
        </Col>
        <Col span={12}>
          <NumberField
            control={control}
            name="maxDigits"
            label={t('maxDigits')}
            min={1}
            max={64}
            step={1}
            placeholder="20"
          />
        </Col>
      </Row>
      <SelectField
        control={control}
        name="terminator"
        label={t('terminator')}
        placeholder="#"
        options={[
          { value: '#', label: '#' },
          { value: '*', label: '*' },
          { value: '', label: t('noTerminator') },
        ]}
      />
      <ExpressionField
        control={control}
        name="check"
        label={t('check')}
        hint={t('checkHint')}
        placeholder='value.startsWith("1")'
        names={checkNames}
        optional
        disabled={props.readOnly}
      />
      <SwitchField control={control} name="sensitive" label={t('sensitive')} hint={t('sensitiveHint')} />
      <SwitchField control={control} name="luhn" label={t('luhn')} hint={t('luhnHint')} />
      <InputOptionsFields control={control} languages={props.flow.languages} names={names} disabled={props.readOnly} />
    </>
  );
}
