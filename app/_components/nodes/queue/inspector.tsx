'use client';
// Queue inspector: skill group, priority (fixed or by expression), wait limits, announcements, hold music, callback offer.

import { Col, Collapse, Row } from 'antd';
import { useTranslations } from 'next-intl';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import { NumberField, SelectField, SwitchField, TextField } from '../../form-kit/form-fields';
import { PromptField } from '../../form-kit/prompt/prompt-field';
import { ResourceRefField } from '../../form-kit/resources/resource-ref-field';
import { ExpressionField } from '../../form-kit/text-fields';
import { useNodeForm } from '../../form-kit/use-node-form';
import { useScopeNames } from '../../form-kit/use-scope-names';
import type { InspectorProps } from '../../form-kit/inspector-props';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'].map((k) => ({ value: k, label: k }));

export function QueueInspector(props: InspectorProps) {
  const t = useTranslations('inspector');
  const { control } = useNodeForm(props, nodeDefinitions.queue.config);
  const names = useScopeNames(props.flow);
  const languages = props.flow.languages;
  return (
    <>
      <ResourceRefField control={control} name="skillGroup" label={t('fields.skillGroup')} kind="skillGroup" />
      <PromptField
        control={control}
        name="prompt"
        label={t('queue.prompt')}
        languages={languages}
        names={names}
        optional
        disabled={props.readOnly}
      />
      <Row gutter={8}>
        <Col span={12}>
          <NumberField
            control={control}
            name="priority"
            label={t('queue.priority')}
            min={0}
            max={10}
            step={1}
            placeholder="0"
          />
        </Col>
        <Col span={12}>
          <NumberField
            control={control}
            name="maxWaitSeconds"
            label={t('queue.maxWaitSeconds')}
            min={5}
            max={7200}
            step={1}
            placeholder="600"
          />
        </Col>
      </Row>
      <ExpressionField
        control={control}
        name="priorityExpression"
        label={t('queue.priorityExpression')}
        hint={t('queue.priorityExpressionHint')}
        placeholder='tier == "vip" ? 9 : 0'
        names={names}
        optional
        disabled={props.readOnly}
      />
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'announce',
            label: t('queue.announcements'),
            forceRender: true,
            children: (
              <>
                <SwitchField
                  control={control}
                  name="announcePosition"
                  label={t('queue.announcePosition')}
                  defaultChecked
                />
                <SwitchField
                  control={control}
                  name="announceWaitTime"
                  label={t('queue.announceWaitTime')}
                  defaultChecked
                />
                <NumberField
                  control={control}
                  name="announceEverySeconds"
                  label={t('queue.announceEverySeconds')}
                  min={15}
                  max={600}
                  step={1}
                  placeholder="60"
                />
                <TextField
                  control={control}
                  name="holdMusic"
                  label={t('queue.holdMusic')}
                  hint={t('queue.holdMusicHint')}
                />
              </>
            ),
          },
          {
            key: 'callback',
            label: t('queue.callbackOffer'),
            forceRender: true,
            children: (
              <>
                <NumberField
                  control={control}
                  name="callbackOfferAfterSeconds"
                  label={t('queue.callbackOfferAfterSeconds')}
                  hint={t('queue.callbackOfferAfterSecondsHint')}
                  min={0}
                  max={7200}
                  step={1}
                />
                <SelectField
                  control={control}
                  name="callbackKey"
                  label={t('queue.callbackKey')}
                  placeholder="1"
                  options={KEYS}
                />
                <PromptField
                  control={control}
                  name="callbackOfferPrompt"
                  label={t('queue.callbackOfferPrompt')}
                  languages={languages}
                  names={names}
                  optional
                  disabled={props.readOnly}
                />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
