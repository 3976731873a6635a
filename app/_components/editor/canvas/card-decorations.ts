'use client';
// What the canvas paints on cards from outside the document (issue counts, highlight, canvas marks on the card and
// its ports), kept per node behind ONE editor-store subscription. A drag changes the store on every frame; with a
// selector per card and per port, 1,000 cards ran thousands of selectors a frame (React's useSyncExternalStore was
// 2.4 s of a 10 s fit-view drag). Here a store change costs three reference checks unless issues, highlights or
// marks changed, and then only the cards whose decoration changed are told.

import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { markLayers, nodeMarkClasses, portMarkClasses, type MarkLayers } from '../store/canvas-marks';
import type { EditorState } from '../store/editor-state';

export interface CardDecoration {
  errors: number;
  warnings: number;
  highlighted: boolean;
  /** `cf-mark-…` classes of the card; '' when none. */
  marks: string;
  /** Port name → its `cf-mark-…` classes (only marked ports). */
  portMarks: Readonly<Record<string, string>>;
}

type Inputs = Pick<EditorState, 'nodeIssues' | 'highlighted' | 'marks'>;

const plain: CardDecoration = Object.freeze({
  errors: 0,
  warnings: 0,
  highlighted: false,
  marks: '',
  portMarks: Object.freeze({}),
});

function decorationOf(inputs: Inputs, id: string): CardDecoration {
  const counts = inputs.nodeIssues[id];
  const portMarks: Record<string, string> = {};
  for (const layer of markLayers) {
    for (const port of Object.keys(inputs.marks[layer]?.ports?.[id] ?? {})) {
      const classes = portMarkClasses(inputs.marks, id, port);
      if (classes) portMarks[port] = classes;
    }
  }
  const decoration = {
    errors: counts?.errors ?? 0,
    warnings: counts?.warnings ?? 0,
    highlighted: inputs.highlighted[id] === true,
    marks: nodeMarkClasses(inputs.marks, id),
    portMarks,
  };
  return sameDecoration(decoration, plain) ? plain : decoration;
}

function sameDecoration(a: CardDecoration, b: CardDecoration): boolean {
  if (a.errors !== b.errors || a.warnings !== b.warnings || a.highlighted !== b.highlighted || a.marks !== b.marks)
    return false;
  const ports = Object.keys(a.portMarks);
  return (
    ports.length === Object.keys(b.portMarks).length && ports.every((port) => a.portMarks[port] === b.portMarks[port])
  );
}

/** Every node any layer, count or highlight names. */
function decoratedIds(inputs: Inputs): Set<string> {
  const ids = new Set([...Object.keys(inputs.nodeIssues), ...Object.keys(inputs.highlighted)]);
  const marks: MarkLayers = inputs.marks;
  for (const layer of markLayers) {
    for (const id of Object.keys(marks[layer]?.nodes ?? {})) ids.add(id);
    for (const id of Object.keys(marks[layer]?.ports ?? {})) ids.add(id);
  }
  return ids;
}

/** The decorations of one canvas: fed with the editor state, read per node by the cards. */
export class CardDecorations {
  private readonly byNode = new Map<string, CardDecoration>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private inputs: Inputs | undefined;

  /** Takes the state's issues, highlights and marks; tells the cards whose decoration changed. */
  update(state: Inputs): void {
    const last = this.inputs;
    if (
      last &&
      last.nodeIssues === state.nodeIssues &&
      last.highlighted === state.highlighted &&
      last.marks === state.marks
    )
      return;
    this.inputs = { nodeIssues: state.nodeIssues, highlighted: state.highlighted, marks: state.marks };
    const changed: string[] = [];
    for (const id of new Set([...this.byNode.keys(), ...decoratedIds(this.inputs)])) {
      const next = decorationOf(this.inputs, id);
      const previous = this.byNode.get(id) ?? plain;
      if (previous === next || sameDecoration(previous, next)) continue;
      if (next === plain) this.byNode.delete(id);
      else this.byNode.set(id, next);
      changed.push(id);
    }
    for (const id of changed) this.listeners.get(id)?.forEach((listener) => listener());
  }

  get(id: string): CardDecoration {
    return this.byNode.get(id) ?? plain;
  }

  subscribe(id: string, listener: () => void): () => void {
    const set = this.listeners.get(id) ?? new Set<() => void>();
    this.listeners.set(id, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }
}

export const CardDecorationsContext = createContext<CardDecorations | null>(null);

/** One node's decoration; the card re-renders only when it changes. */
export function useCardDecoration(id: string): CardDecoration {
  const decorations = useContext(CardDecorationsContext);
  if (!decorations) throw new Error('useCardDecoration must be used inside the canvas.');
  const subscribe = useCallback((listener: () => void) => decorations.subscribe(id, listener), [decorations, id]);
  const snapshot = useCallback(() => decorations.get(id), [decorations, id]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
