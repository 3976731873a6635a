'use client';
// Who calls, which number, when (date, time and time zone) and in which language.

import { Form, Input, Radio } from 'antd';
import { useTranslations } from 'next-intl';
import { TimeZoneSelect } from '../../form-kit/time-zone-select';
import type { CallDetails } from './simulation-setup';

export function CallSetupForm({
  value,
  languages,
  onChange,
  error,
}: {
  value: CallDetails;
  languages: string[];
  onChange(next: CallDetails): void;
  error?: string;
}) {
  const t = useTranslations('editor.simulate.setup');
  const set = (patch: Partial<CallDetails>) => onChange({ ...value, ...patch });
  return (
    <Form layout="vertical" className="cf-sim-setup" component="div">
      <Form.Item label={t('caller')} htmlFor="cf-sim-caller">
        <Input
          id="cf-sim-caller"
          value={value.caller}
          onChange={(e) => set({ caller: e.target.value })}
          maxLength={64}
        />
      </Form.Item>
      <Form.Item label={t('dialed')} htmlFor="cf-sim-dialed">
        <Input
          id="cf-sim-dialed"
          value={value.dialed}
          onChange={(e) => set({ dialed: e.target.value })}
          maxLength={64}
        />
      </Form.Item>
      <Form.Item
        label={t('time')}
        htmlFor="cf-sim-time"
        validateStatus={error ? 'error' : undefined}
        help={error ? t('badTime', { message: error }) : undefined}
      >
        <Input
          id="cf-sim-time"
          type="datetime-local"
          value={value.localTime}
          onChange={(e) => set({ localTime: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('timeZone')} htmlFor="cf-sim-zone">
        <TimeZoneSelect id="cf-sim-zone" value={value.timeZone} onChange={(timeZone) => set({ timeZone })} />
      </Form.Item>
      <Form.Item label={t('language')}>
        <Radio.Group
          aria-label={t('language')}
          optionType="button"
          value={value.language}
          onChange={(e) => set({ language: e.target.value as string })}
          options={languages.map((language) => ({ value: language, label: language }))}
        />
      </Form.Item>
    </Form>
  );
}
