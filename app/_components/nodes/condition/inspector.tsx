'use client';
// Condition inspector: rules in order (one exit each, then "else"), each built from checks or written as a CEL expression.

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Radio } from 'antd';
import dynamic from 'next/dynamic';
import { errorText } from '../../form-kit/accessible-colors';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { expressionError } from '../../form-kit/expression/expression-input';
import { FieldRow, TextField } from '../../form-kit/form-fields';
import { ListCard } from '../../form-kit/list-card';
import type { ScopeName } from '../../form-kit/template/template-variables';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';
import { RuleBuilder } from './rule-builder';
import { celToRuleGroup } from './rule-builder-model';

// Monaco loads only when an admin opens expression mode (and never on the server).
const CelEditor = dynamic(() => import('../../monaco/cel-editor'), { ssr: false });

function RuleWhen({
  value,
  onChange,
  names,
  disabled,
}: {
  value: string;
  onChange(v: string): void;
  names: readonly ScopeName[];
  disabled?: boolean;
}) {
  const t = useTranslations('inspector.condition');
  // A new rule starts empty: the builder, not a blank expression editor.
  const readable = value.trim() === '' || celToRuleGroup(value) !== null;
  const [mode, setMode] = useState<'builder' | 'expression'>(readable ? 'builder' : 'expression');
  const error = expressionError(value);
  return (
    <>
      <Radio.Group
        size="small"
        optionType="button"
        value={mode}
        style={{ marginBottom: 6 }}
        onChange={(e) => setMode(e.target.value === 'builder' ? 'builder' : 'expression')}
        options={[
          { value: 'builder', label: t('builderMode'), disabled: !readable },
          { value: 'expression', label: t('expressionMode') },
        ]}
      />
      {mode === 'builder' && readable ? (
        <RuleBuilder value={value} onChange={onChange} names={names} disabled={disabled} />
      ) : (
        <>
          <CelEditor
            value={value}
            onChange={onChange}
            names={names.map((n) => n.name)}
            ariaLabel={t('expression')}
            readOnly={disabled}
          />
          {!readable && !error && (
            <Alert style={{ marginTop: 6 }} type="info" showIcon title={t('notBuilderReadable')} />
          )}
          {error && (
            <div role="alert" style={{ color: errorText, fontSize: 12, marginTop: 4 }}>
              {error}
            </div>
          )}
        </>
      )}
    </>
  );
}

export function ConditionInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.condition.config);
  const names = useScopeNames(props.flow);
  const rules = useFieldArray({ control, name: 'rules' });
  return (
    <>
      {rules.fields.map((rule, index) => (
        <ListCard
          key={rule.id}
          title={t('condition.rule', { n: index + 1 })}
          path={`/config/rules/${index}`}
          index={index}
          count={rules.fields.length}
          onRemove={() => rules.remove(index)}
          onMove={(to) => rules.move(index, to)}
          disabled={props.readOnly}
        >
          <TextField
            control={control}
            name={`rules.${index}.name`}
            label={t('fields.portName')}
            hint={t('fields.portNameHint')}
            optional={false}
          />
          <TextField control={control} name={`rules.${index}.label`} label={t('fields.label')} />
          <Controller
            control={control}
            name={`rules.${index}.when`}
            render={({ field, fieldState }) => (
              <FieldRow path={`/config/rules/${index}/when`} label={t('condition.when')} error={fieldState.error}>
                <RuleWhen value={field.value ?? ''} onChange={field.onChange} names={names} disabled={props.readOnly} />
              </FieldRow>
            )}
          />
        </ListCard>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={props.readOnly || rules.fields.length >= 50}
        onClick={() => rules.append({ name: `rule${rules.fields.length + 1}`, when: '' })}
      >
        {t('condition.addRule')}
      </Button>
      <p style={{ color: '#616e7c', fontSize: 12, marginTop: 8 }}>{t('condition.elseHint')}</p>
    </>
  );
}
