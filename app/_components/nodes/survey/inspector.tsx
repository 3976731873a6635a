'use client';
// Survey inspector: intro, the rating questions (prompt, variable, range), thanks and retries.

import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row } from 'antd';
import { useTranslations } from 'next-intl';
import { useFieldArray } from 'react-hook-form';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { NumberField } from '../../form-kit/form-fields';
import { InputOptionsFields } from '../../form-kit/input-options-fields';
import { ListCard } from '../../form-kit/list-card';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { VariableField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

export function SurveyInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.survey.config);
  const names = useScopeNames(props.flow);
  const questions = useFieldArray({ control, name: 'questions' });
  const languages = props.flow.languages;
  return (
    <>
      <PromptField
        control={control}
        name="intro"
        label={t('survey.intro')}
        languages={languages}
        names={names}
        optional
        disabled={props.readOnly}
      />
      {questions.fields.map((question, index) => (
        <ListCard
          key={question.id}
          title={t('survey.question', { n: index + 1 })}
          path={`/config/questions/${index}`}
          index={index}
          count={questions.fields.length}
          onRemove={() => questions.remove(index)}
          onMove={(to) => questions.move(index, to)}
          disabled={props.readOnly}
        >
          <PromptField
            control={control}
            name={`questions.${index}.prompt`}
            label={t('fields.prompt')}
            languages={languages}
            names={names}
            disabled={props.readOnly}
          />
          <VariableField
            control={control}
            name={`questions.${index}.variable`}
            label={t('fields.storeIn')}
            names={names}
            disabled={props.readOnly}
          />
          <Row gutter={8}>
            <Col span={12}>
              <NumberField
                control={control}
                name={`questions.${index}.min`}
                label={t('survey.min')}
                min={0}
                max={9}
                step={1}
                placeholder="1"
              />
            </Col>
            <Col span={12}>
              <NumberField
                control={control}
                name={`questions.${index}.max`}
                label={t('survey.max')}
                min={0}
                max={9}
                step={1}
                placeholder="5"
              />
            </Col>
          </Row>
        </ListCard>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        disabled={props.readOnly || questions.fields.length >= 10}
        onClick={() => questions.append({ prompt: { tts: {} }, variable: '' })}
      >
        {t('survey.addQuestion')}
      </Button>
      <PromptField
        control={control}
        name="thanks"
        label={t('survey.thanks')}
        languages={languages}
        names={names}
        optional
        disabled={props.readOnly}
      />
      <InputOptionsFields control={control} languages={languages} names={names} disabled={props.readOnly} />
    </>
  );
}
