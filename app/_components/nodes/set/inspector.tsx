'use client';
// Set inspector: assignments in order (variable = CEL expression) and an optional switch of the prompt language.

import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useFieldArray } from 'react-hook-form';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { SelectField } from '../../form-kit/form-fields';
import { ListCard } from '../../form-kit/list-card';
import { ExpressionField, VariableField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function SetInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.set.config);
  const names = useScopeNames(props.flow);
  const assignments = useFieldArray({ control, name: 'assignments' });
  return (
    <>
      {assignments.fields.map((assignment, index) => (
        <ListCard
          key={assignment.id}
          title={t('set.assignment', { n: index + 1 })}
          path={`/config/assignments/${index}`}
          index={index}
          count={assignments.fields.length}
          minCount={0}
          onRemove={() => assignments.remove(index)}
          onMove={(to) => assignments.move(index, to)}
          disabled={props.readOnly}
        >
          <VariableField
            control={control}
            name={`assignments.${index}.variable`}
            label={t('set.variable')}
            names={names}
            disabled={props.readOnly}
          />
          <ExpressionField
            control={control}
            name={`assignments.${index}.value`}
            label={t('set.value')}
            hint={t('set.valueHint')}
            placeholder="attempts + 1"
            names={names}
            disabled={props.readOnly}
          />
        </ListCard>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        disabled={props.readOnly || assignments.fields.length >= 50}
        onClick={() => assignments.append({ variable: '', value: '' })}
      >
        {t('set.addAssignment')}
      </Button>
      <SelectField
        control={control}
        name="language"
        label={t('set.language')}
        hint={t('set.languageHint')}
        allowClear
        options={props.flow.languages.map((l) => ({ value: l, label: l }))}
      />
    </>
  );
}
