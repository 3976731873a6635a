'use client';
// The problem renderer bound to the UI language and the labels of a flow's nodes (see problem-text.ts); kept apart
// from the editor store so pages outside the editor (importing a file) can use it.

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { fieldWords } from '../../../../flow-engine/validate/describe-path';
import { useNodeTypeTitle, usePortLabel } from '../../nodes/node-texts';
import { nodeNamer, type NamedNode } from './node-names';
import {
  fieldVocabulary,
  listStyle,
  problemText,
  type RenderableIssue,
} from '../../../../flow-engine/validate/localized-problem-text';

/** `(issue) => sentence` in the UI language, naming `nodes` by label. */
export function useProblemTextFor(nodes: readonly NamedNode[]): (issue: RenderableIssue) => string {
  const t = useTranslations('problems');
  const portLabel = usePortLabel();
  const fieldT = useTranslations('problemFields');
  const locale = useLocale();
  const typeTitle = useNodeTypeTitle();
  const nodeName = useMemo(() => nodeNamer(nodes, (type) => typeTitle(type)), [nodes, typeTitle]);
  const fields = useMemo(
    () => fieldVocabulary(fieldT as unknown as Parameters<typeof fieldVocabulary>[0], locale, fieldWords),
    [fieldT, locale],
  );
  return useCallback(
    (issue: RenderableIssue) =>
      problemText(issue, {
        t: t,
        nodeName,
        portName: (port) => {
          const shown = portLabel({ name: port, label: port });
          return shown === port ? undefined : shown;
        },
        fields,
        typeName: (type) => typeTitle(type),
        ...listStyle(locale),
      }),
    [t, portLabel, nodeName, fields, typeTitle, locale],
  );
}
