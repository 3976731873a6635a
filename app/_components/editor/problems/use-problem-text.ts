'use client';
// The problem renderer bound to the UI language and the open flow's node labels (see problem-text.ts).

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { fieldWords } from '../../../../flow-engine/validate/describe-path';
import { useNodeTypeTitle, usePortLabel } from '../canvas/node-texts';
import { useEditorStore } from '../store/editor-store-context';
import { nodeNamer } from './node-names';
import { fieldVocabulary, listStyle, problemText, type RenderableIssue } from './problem-text';

/** `(issue) => sentence` in the UI language, naming the open flow's nodes by label. */
export function useProblemText(): (issue: RenderableIssue) => string {
  const t = useTranslations('problems');
  const portLabel = usePortLabel();
  const fieldT = useTranslations('problemFields');
  const locale = useLocale();
  const typeTitle = useNodeTypeTitle();
  const nodes = useEditorStore((s) => s.doc.nodes);
  const nodeName = useMemo(() => nodeNamer(nodes, (type) => typeTitle(type, type)), [nodes, typeTitle]);
  const fields = useMemo(() => fieldVocabulary(fieldT as unknown as Parameters<typeof fieldVocabulary>[0], locale, fieldWords), [fieldT, locale]);
  return useCallback(
    (issue: RenderableIssue) =>
      problemText(issue, {
        t: t as unknown as Parameters<typeof problemText>[1]['t'],
        nodeName,
        portName: (port) => {
          const shown = portLabel({ name: port, label: port });
          return shown === port ? undefined : shown;
        },
        fields,
        typeName: (type) => typeTitle(type, type),
        ...listStyle(locale),
      }),
    [t, portLabel, nodeName, fields, typeTitle, locale],
  );
}
