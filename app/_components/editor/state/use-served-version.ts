'use client';
// The newest published version (what lines that follow "latest" answer) and whether the draft differs from it.

import { useCallback, useEffect, useState } from 'react';
import { canonicalJson } from '../../../../flow-engine/canonical-json';
import type { FlowDocument } from '../../../../flow-engine/document';
import { trpc } from '../../../_lib/trpc-client';
import { useEditorStore } from '../store/editor-store-context';

export interface ServedVersion {
  number: number;
  document: FlowDocument;
}

// Comparing a large flow's canonical text costs milliseconds: done once typing or dragging pauses, not on every change.
const compareDelayMs = 400;

export function useServedVersion(flowId: string) {
  const [served, setServed] = useState<ServedVersion | null | undefined>();
  const [differs, setDiffers] = useState(false);
  const doc = useEditorStore((s) => s.doc);

  const refresh = useCallback(async () => {
    const latest = await trpc.versions.latest.query({ flowId });
    setServed(latest ? { number: latest.number, document: latest.document } : null);
  }, [flowId]);

  useEffect(() => {
    void refresh().catch(() => setServed(null));
  }, [refresh]);

  useEffect(() => {
    if (!served) {
      setDiffers(false);
      return;
    }
    const timer = setTimeout(() => setDiffers(canonicalJson(doc) !== canonicalJson(served.document)), compareDelayMs);
    return () => clearTimeout(timer);
  }, [doc, served]);

  return { served, differs, refresh };
}
