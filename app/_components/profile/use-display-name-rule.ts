'use client';
// The antd form rule for a display name, worded from the catalogue: the same check the server applies
// (app/_lib/display-name.ts), so the profile form and the admin's new-user form refuse a bad name before sending it.

import type { FormRule } from 'antd';
import { useTranslations } from 'next-intl';
import { checkDisplayName, maxDisplayNameLength } from '../../_lib/display-name';

export function useDisplayNameRule(): FormRule {
  const t = useTranslations('profile');
  return {
    validator: async (_rule, value: string | undefined) => {
      const checked = checkDisplayName(value ?? '');
      if (!checked.ok) throw new Error(t(`errors.${checked.problem}`, { max: maxDisplayNameLength }));
    },
  };
}
