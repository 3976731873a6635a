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

/** The name a new group is created with: the one typed, or its key when none was (a key such as `after-sales` names it well enough). */
export function newSkillGroupName(values: SkillGroupValues): string {
  return values.name?.trim() || values.key;
}

/** `keyLocked`: an existing group keeps its key (flows refer to it) and needs its name; a new one may leave it to the key. */
export function SkillGroupFields({ keyLocked }: { keyLocked: boolean }) {
  const t = useTranslations('skillGroups');
  const tCommon = useTranslations('common');
  return (
    <>
      <Form.Item
        label={tCommon('key')}
        name="key"
        extra={tCommon('keyHint')}
        rules={[{ required: true, pattern: resourceKeyPattern, message: tCommon('keyInvalid') }]}
      >
        <Input disabled={keyLocked} />
      </Form.Item>
      <Form.Item
        label={tCommon('name')}
        name="name"
        extra={keyLocked ? undefined : tCommon('nameDefaultsToKey')}
        rules={keyLocked ? [{ required: true, whitespace: true, message: tCommon('nameRequired') }] : []}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('description')} name="description">
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
