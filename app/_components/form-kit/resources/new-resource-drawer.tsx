'use client';
// The editor's "new …" drawer: creates a schedule, skill group or integration with the resource pages' own form.

import { Drawer } from 'antd';
import { useTranslations } from 'next-intl';
import { ScheduleForm } from '../../resources/schedule-form';
import { NewIntegrationForm, NewSkillGroupForm } from './new-resource-forms';
import type { ResourceKind } from './use-resource-keys';

/** "New schedule", "新建技能组", …: the resource pages' own button text. */
export function useNewResourceTitle(kind: ResourceKind): string {
  const tSchedules = useTranslations('schedules');
  const tGroups = useTranslations('skillGroups');
  const tIntegrations = useTranslations('integrations');
  if (kind === 'schedule') return tSchedules('new');
  if (kind === 'skillGroup') return tGroups('new');
  if (kind === 'integration') return tIntegrations('new');
  return '';
}

export interface NewResourceDrawerProps {
  kind: ResourceKind;
  open: boolean;
  onClose(): void;
  onCreated(key: string): void;
}

export function NewResourceDrawer({ kind, open, onClose, onCreated }: NewResourceDrawerProps) {
  const title = useNewResourceTitle(kind);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={kind === 'schedule' ? 'min(960px, 100vw)' : 'min(640px, 100vw)'}
      destroyOnHidden
    >
      {kind === 'schedule' && <ScheduleForm schedule={null} canEdit onCreated={(row) => onCreated(row.key)} />}
      {kind === 'skillGroup' && <NewSkillGroupForm onCreated={onCreated} />}
      {kind === 'integration' && <NewIntegrationForm onCreated={onCreated} />}
    </Drawer>
  );
}
