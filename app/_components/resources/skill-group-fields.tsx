'use client';
// The fields of a skill group's form (key, name, description): the skill-groups page and the editor's "new" drawer share them.

import { Form, Input } from 'antd';
import { useTranslations } from 'next-intl';
import { resourceKeyPattern } from './resource-key';

export interface SkillGroupValues {
  key: string;
  name: string;
  description?: string;
}

/** `keyLocked`: an existing group keeps its key (flows refer to it). */
export function SkillGroupFields({ keyLocked }: { keyLocked: boolean }) {
  const t = useTranslations('skillGroups');
  const tCommon = useTranslations('common');
  return (
    <>
      <Form.Item label={tCommon('key')} name="key" extra={tCommon('keyHint')} rules={[{ required: true, pattern: resourceKeyPattern, message: tCommon('keyInvalid') }]}>
        <Input disabled={keyLocked} />
      </Form.Item>
      <Form.Item label={tCommon('name')} name="name" rules={[{ required: true, whitespace: true, message: tCommon('nameRequired') }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('description')} name="description">
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
