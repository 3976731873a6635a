'use client';
// Says why the editor does not change the design: the user's role (viewer, tester) or an archived flow.

import { Alert } from 'antd';
import { useTranslations } from 'next-intl';

export type ReadOnlyReason = 'viewer' | 'tester' | 'archived';

export function ReadOnlyBanner({ reason }: { reason: ReadOnlyReason }) {
  const t = useTranslations('editor.readOnly');
  return <Alert type="info" showIcon banner role="status" title={t(reason)} />;
}
