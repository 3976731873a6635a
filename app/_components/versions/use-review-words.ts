'use client';
// The words of the caller-experience review in the UI language (`callerReview` messages): nodes by label, node
// types, fixed ports and config fields translated; shared by the publish dialog and the versions page.

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { ReviewWords } from '../../../flow-engine/diff';
import { describeTokensIn, fieldWords } from '../../../flow-engine/validate/describe-path';
import { nodeNamer, type NamedNode } from '../../../flow-engine/node-names';
import { useNodeTypeTitle, usePortLabel } from '../nodes/node-texts';
import { fieldVocabulary, listStyle } from '../../../flow-engine/validate/localized-problem-text';

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

/** A setting's value: text as it is, a list or object as compact JSON. */
const shownValue = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));

/** Review words naming `nodes` (both versions, the newer first) by label. */
export function useReviewWords(nodes: readonly NamedNode[]): ReviewWords {
  const t = useTranslations('callerReview') as unknown as Translate;
  const fieldT = useTranslations('problemFields') as unknown as Parameters<typeof fieldVocabulary>[0];
  const locale = useLocale();
  const typeTitle = useNodeTypeTitle();
  const portLabel = usePortLabel();
  return useMemo(() => {
    const fields = fieldVocabulary(fieldT, locale, fieldWords);
    return {
      message: (code, params) => t(code, params),
      nodeName: nodeNamer(nodes, (type) => typeTitle(type)),
      typeName: (type) => typeTitle(type),
      portName: (port) => {
        const shown = portLabel({ name: port, label: port });
        return shown === port ? undefined : shown;
      },
      fieldName: (tokens) => describeTokensIn(tokens, fields),
      value: shownValue,
      text: (text) => text,
      listSeparator: listStyle(locale).listSeparator,
    };
  }, [t, fieldT, locale, typeTitle, portLabel, nodes]);
}
