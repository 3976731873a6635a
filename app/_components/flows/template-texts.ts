'use client';
// Template names and descriptions in the UI language (the `flowTemplates` messages, by template id); a template
// without an entry (one an operator added to the folder) shows the name and description written in its file.

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { TemplateSummary } from '../../_server/flows/templates';

type Translate = ((key: string) => string) & { has(key: string): boolean };

/** The templates with their names and descriptions in the language of `t` (the `flowTemplates` namespace). */
export function localTemplates(templates: readonly TemplateSummary[], t: Translate): TemplateSummary[] {
  return templates.map((entry) => ({
    ...entry,
    name: t.has(`${entry.id}.name`) ? t(`${entry.id}.name`) : entry.name,
    description: t.has(`${entry.id}.description`) ? t(`${entry.id}.description`) : entry.description,
  }));
}

export function useLocalTemplates(templates: readonly TemplateSummary[]): TemplateSummary[] {
  const t = useTranslations('flowTemplates');
  return useMemo(() => localTemplates(templates, t as unknown as Translate), [templates, t]);
}
