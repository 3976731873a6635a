'use client';
// Translated names of node types and fixed ports; the engine's English titles are the fallback.

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { PortSpec } from '../../../../flow-engine/define-node';

/** `title(type, fallback)`: the node type's name in the current language. */
export function useNodeTypeTitle() {
  const t = useTranslations('editor.nodeTypes');
  return useCallback((type: string, fallback: string) => (t.has(`${type}.title`) ? t(`${type}.title`) : fallback), [t]);
}

export function useNodeTypeHint() {
  const t = useTranslations('editor.nodeTypes');
  return useCallback((type: string, fallback: string) => (t.has(`${type}.hint`) ? t(`${type}.hint`) : fallback), [t]);
}

/** Fixed ports (next, noInput, …) are translated; ports named by the admin (keys, rules, regions) keep their label. */
export function usePortLabel() {
  const t = useTranslations('editor.ports');
  return useCallback((port: PortSpec) => (t.has(port.name) ? t(port.name) : port.label), [t]);
}
