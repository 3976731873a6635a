'use client';
// Speech inspector: the question, the intents (phrases and an optional key each), where the answer goes, retries.

import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useFieldArray } from 'react-hook-form';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { SelectField, TagsField, TextField } from '../../form-kit/form-fields';
import { InputOptionsFields } from '../../form-kit/input-options-fields';
import { ListCard } from '../../form-kit/list-card';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { VariableField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'].map((k) => ({ value: k, label: k }));

export function SpeechInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.speech.config);
  const names = useScopeNames(props.flow);
  const intents = useFieldArray({ control, name: 'intents' });
  return (
    <>
      <PromptField
        control={control}
        name="prompt"
        label={t('fields.question')}
        languages={props.flow.languages}
        names={names}
        disabled={props.readOnly}
      />
      {intents.fields.map((intent, index) => (
        <ListCard
          key={intent.id}
          title={t('speech.intent', { n: index + 1 })}
          path={`/config/intents/${index}`}
          index={index}
          count={intents.fields.length}
          onRemove={() => intents.remove(index)}
          onMove={(to) => intents.move(index, to)}
          disabled={props.readOnly}
        >
          <TextField
            control={control}
            name={`intents.${index}.name`}
            label={t('fields.portName')}
            hint={t('fields.portNameHint')}
            optional={false}
          />
          <TextField control={control} name={`intents.${index}.label`} label={t('fields.label')} />
          <TagsField
            control={control}
            name={`intents.${index}.phrases`}
            label={t('speech.phrases')}
            hint={t('speech.phrasesHint')}
          />
          <SelectField
            control={control}
            name={`intents.${index}.dtmf`}
            label={t('speech.dtmf')}
            options={KEYS}
            allowClear
          />
        </ListCard>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        disabled={props.readOnly || intents.fields.length >= 30}
        onClick={() => intents.append({ name: `intent${intents.fields.length + 1}`, phrases: [] })}
      >
        {t('speech.addIntent')}
      </Button>
      <VariableField
        control={control}
        name="variable"
        label={t('speech.storeSaid')}
        names={names}
        optional
        disabled={props.readOnly}
      />
      <InputOptionsFields
        control={control}
        languages={props.flow.languages}
        names={names}
        disabled={props.readOnly}
        invalidLabel={t('fields.noMatchPrompt')}
      />
    </>
  );
}
