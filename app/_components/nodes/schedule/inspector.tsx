'use client';
// Business-hours inspector: a shared schedule picked by key, or one written inline for this node.

import { Radio } from 'antd';
import { useTranslations } from 'next-intl';
import { Controller, useWatch } from 'react-hook-form';
import { isResourceRef } from '../../../../flow-engine/document';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import type { ScheduleDefinition } from '../../../../flow-engine/schedule/schedule-config';
import { FieldRow } from '../../form-kit/form-fields';
import { ResourceRefField } from '../../form-kit/resources/resource-ref-field';
import { useNodeForm } from '../../form-kit/use-node-form';
import type { InspectorProps } from '../../form-kit/inspector-props';
import { defaultSchedule, InlineScheduleEditor } from './inline-schedule-editor';

export function ScheduleInspector(props: InspectorProps) {
  const t = useTranslations('inspector.schedule');
  const form = useNodeForm(props, nodeDefinitions.schedule.config);
  const { control } = form;
  const schedule = useWatch({ control, name: 'schedule' });
  const shared = schedule === undefined || isResourceRef(schedule);
  return (
    <>
      <FieldRow path="/config/schedule/mode" label={t('source')}>
        <Radio.Group
          size="small"
          optionType="button"
          value={shared ? 'shared' : 'inline'}
          disabled={props.readOnly}
          onChange={(e) =>
            form.setValue('schedule', e.target.value === 'shared' ? { ref: '' } : defaultSchedule(), {
              shouldDirty: true,
              shouldValidate: true,
            })
          }
          options={[
            { value: 'shared', label: t('shared') },
            { value: 'inline', label: t('inline') },
          ]}
        />
      </FieldRow>
      {shared ? (
        <ResourceRefField control={control} name="schedule" label={t('sharedSchedule')} kind="schedule" />
      ) : (
        <Controller
          control={control}
          name="schedule"
          render={({ field, fieldState }) => (
            <FieldRow path="/config/schedule" label={t('inlineSchedule')} error={fieldState.error}>
              <InlineScheduleEditor
                value={field.value as ScheduleDefinition}
                onChange={field.onChange}
                disabled={props.readOnly}
              />
            </FieldRow>
          )}
        />
      )}
    </>
  );
}
