'use client';
// Copy, cut and paste of the selected nodes through localStorage, so a copy reaches other flows and tabs of this studio.

import { useCallback, useState } from 'react';
import type { Position } from '../../../../flow-engine/document';
import type { EditorStoreApi } from '../store/create-editor-store';
import { placeClear } from '../canvas/place-nodes';
import { copyNodes, isClipboardPayload, planPaste, type PastePlan } from './clipboard-payload';
import { missingResources } from './missing-resources';

const storageKey = 'callflow.clipboard';

export interface PendingPaste {
  plan: PastePlan;
  missingResources: PastePlan['resources'];
}

/**
 * `reveal` brings the pasted nodes into view (canvas/use-reveal-nodes.ts).
 */
export function useClipboard(
  store: EditorStoreApi,
  pointer: { current: Position | undefined },
  viewCentre: () => Position,
  reveal: (nodeIds: readonly string[]) => void,
) {
  const [pending, setPending] = useState<PendingPaste | undefined>();

  const copy = useCallback((): number => {
    const { doc, selectedNodeIds } = store.getState();
    const payload = copyNodes(doc, selectedNodeIds);
    if (payload.nodes.length === 0) return 0;
    const text = JSON.stringify(payload);
    window.localStorage.setItem(storageKey, text);
    // Best effort: the system clipboard too, for pasting the JSON elsewhere. Not required for paste here.
    void navigator.clipboard?.writeText(text).catch(() => undefined);
    return payload.nodes.length;
  }, [store]);

  const cut = useCallback(() => {
    const count = copy();
    if (count === 0) return;
    const { selectedNodeIds } = store.getState();
    store.getState().dispatch({ kind: 'removeElements', nodeIds: selectedNodeIds, edgeIds: [] });
  }, [copy, store]);

  const apply = useCallback(
    (plan: PastePlan, addVariables: boolean) => {
      // Placed clear of the nodes already there (a paste over the start node used to cover it), then shown.
      const { doc, measured } = store.getState();
      const nodes = placeClear(doc.nodes, measured, plan.command.nodes);
      store.getState().dispatch({ ...plan.command, nodes, variables: addVariables ? plan.missingVariables : [] });
      store.getState().select(plan.nodeIds, []);
      reveal(plan.nodeIds);
    },
    [reveal, store],
  );

  /** Paste at the pointer (or the view's centre); asks first when the flow lacks variables or resources. */
  const paste = useCallback(async (): Promise<boolean> => {
    let payload: unknown;
    try {
      payload = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null');
    } catch {
      payload = null;
    }
    if (!isClipboardPayload(payload) || payload.nodes.length === 0) return false;
    const plan = planPaste(store.getState().doc, payload, pointer.current ?? viewCentre());
    const lacking = await missingResources(plan.resources);
    if (plan.missingVariables.length > 0 || lacking.length > 0) setPending({ plan, missingResources: lacking });
    else apply(plan, false);
    return true;
  }, [apply, pointer, store, viewCentre]);

  const confirm = useCallback(
    (addVariables: boolean) => {
      if (pending) apply(pending.plan, addVariables);
      setPending(undefined);
    },
    [apply, pending],
  );

  return { copy, cut, paste, pending, confirm, cancel: () => setPending(undefined) };
}
