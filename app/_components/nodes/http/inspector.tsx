'use client';
// HTTP request builder: integration, method and templated URL, headers, query, body, timeout, and response → variables.

import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Radio, Row } from 'antd';
import { useTranslations } from 'next-intl';
import { useFieldArray, useWatch } from 'react-hook-form';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { FieldRow, NumberField, SelectField, TagsField } from '../../form-kit/form-fields';
import { KeyValueField } from '../../form-kit/key-value-field';
import { ListCard } from '../../form-kit/list-card';
import { ResourceRefField } from '../../form-kit/resources/resource-ref-field';
import { ExpressionField, TemplateField, VariableField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ value: m, label: m }));

export function HttpInspector(props: InspectorProps) {
  const t = useTranslations('inspector.http');
  const form = useNodeForm(props, nodeDefinitions.http.config);
  const { control } = form;
  const names = useScopeNames(props.flow);
  const responseNames = useScopeNames(props.flow, ['response', 'response.status', 'response.body']);
  const outputs = useFieldArray({ control, name: 'outputs' });
  const json = useWatch({ control, name: 'json' });
  const body = useWatch({ control, name: 'body' });
  const bodyMode = json !== undefined ? 'json' : body !== undefined ? 'text' : 'none';
  const setBodyMode = (mode: string) => {
    form.setValue('json', mode === 'json' ? {} : undefined, { shouldDirty: true, shouldValidate: true });
    form.setValue('body', mode === 'text' ? '' : undefined, { shouldDirty: true, shouldValidate: true });
  };
  return (
    <>
      <ResourceRefField
        control={control}
        name="integration"
        label={t('integration')}
        hint={t('integrationHint')}
        kind="integration"
      />
      <Row gutter={8}>
        <Col span={8}>
          <SelectField control={control} name="method" label={t('method')} placeholder="GET" options={METHODS} />
        </Col>
        <Col span={16}>
          <NumberField
            control={control}
            name="timeoutSeconds"
            label={t('timeoutSeconds')}
            min={0.1}
            max={30}
            step={0.5}
            placeholder="5"
          />
        </Col>
      </Row>
      <TemplateField
        control={control}
        name="url"
        label={t('url')}
        hint={t('urlHint')}
        placeholder="/orders/{{orderId}}"
        names={names}
        disabled={props.readOnly}
      />
      <KeyValueField
        control={control}
        name="headers"
        label={t('headers')}
        valueKind="template"
        names={names}
        namePlaceholder="X-Channel"
        disabled={props.readOnly}
      />
      <KeyValueField
        control={control}
        name="query"
        label={t('query')}
        valueKind="template"
        names={names}
        namePlaceholder="phone"
        valuePlaceholder="{{call.caller}}"
        disabled={props.readOnly}
      />
      <FieldRow path="/config/body" label={t('body')}>
        <Radio.Group
          size="small"
          optionType="button"
          value={bodyMode}
          disabled={props.readOnly}
          onChange={(e) => setBodyMode(String(e.target.value))}
          options={[
            { value: 'none', label: t('bodyModes.none') },
            { value: 'json', label: t('bodyModes.json') },
            { value: 'text', label: t('bodyModes.text') },
          ]}
        />
      </FieldRow>
      {bodyMode === 'json' && (
        <KeyValueField
          control={control}
          name="json"
          label={t('jsonFields')}
          hint={t('jsonFieldsHint')}
          valueKind="expression"
          names={names}
          namePlaceholder="phone"
          valuePlaceholder="call.caller"
          disabled={props.readOnly}
        />
      )}
      {bodyMode === 'text' && (
        <TemplateField
          control={control}
          name="body"
          label={t('textBody')}
          names={names}
          multiline
          disabled={props.readOnly}
        />
      )}
      <FieldRow path="/config/outputs" label={t('outputs')} hint={t('outputsHint')}>
        <>
          {outputs.fields.map((output, index) => (
            <ListCard
              key={output.id}
              title={t('output', { n: index + 1 })}
              path={`/config/outputs/${index}`}
              index={index}
              count={outputs.fields.length}
              minCount={0}
              onRemove={() => outputs.remove(index)}
              onMove={(to) => outputs.move(index, to)}
              disabled={props.readOnly}
            >
              <VariableField
                control={control}
                name={`outputs.${index}.variable`}
                label={t('outputVariable')}
                names={names}
                disabled={props.readOnly}
              />
              <ExpressionField
                control={control}
                name={`outputs.${index}.value`}
                label={t('outputValue')}
                placeholder="response.body.status"
                names={responseNames}
                disabled={props.readOnly}
              />
            </ListCard>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={props.readOnly || outputs.fields.length >= 50}
            onClick={() => outputs.append({ variable: '', value: 'response.body' })}
          >
            {t('addOutput')}
          </Button>
        </>
      </FieldRow>
      <TagsField
        control={control}
        name="okStatus"
        label={t('okStatus')}
        hint={t('okStatusHint')}
        placeholder="200, 201, 202, 204"
        parse={(tag) => (/^\d+$/.test(tag.trim()) ? Number(tag.trim()) : tag)}
      />
    </>
  );
}
