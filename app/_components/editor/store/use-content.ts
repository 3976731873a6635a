'use client';
// The draft as panels read it, renewed when its content changes and not when nodes only move: a drag changes the
// document on every frame, and a panel, badge or dialog that re-rendered with it (antd, message formatting) made a
// 1,000-node drag at fit zoom run at a third of the bare React Flow page's frame rate.

import { useRef } from 'react';
import type { FlowDocument, FlowNode } from '../../../../flow-engine/document';
import { useEditorStore } from './editor-store-context';

/** True when the two node lists differ at most in positions (the same nodes, types, labels, configs and notes). */
export function sameNodeContent(a: readonly FlowNode[], b: readonly FlowNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.id !== y.id || x.type !== y.type || x.label !== y.label || x.config !== y.config || x.note !== y.note)
      return false;
  }
  return true;
}

/** True when the two drafts differ at most in node positions. */
export function sameDocContent(a: FlowDocument, b: FlowDocument): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof FlowDocument)[];
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((key) => key === 'nodes' || a[key] === b[key]) && sameNodeContent(a.nodes, b.nodes);
}

/** The draft's nodes, the same array while only positions change (positions in it may be stale). */
export function useContentNodes(): FlowDocument['nodes'] {
  const last = useRef<FlowDocument['nodes'] | undefined>(undefined);
  return useEditorStore((s) => {
    const previous = last.current;
    if (previous && sameNodeContent(previous, s.doc.nodes)) return previous;
    last.current = s.doc.nodes;
    return s.doc.nodes;
  });
}

/** The draft, the same object while only node positions change (positions in it may be stale). */
export function useContentDoc(): FlowDocument {
  const last = useRef<FlowDocument | undefined>(undefined);
  return useEditorStore((s) => {
    const previous = last.current;
    if (previous && sameDocContent(previous, s.doc)) return previous;
    last.current = s.doc;
    return s.doc;
  });
}
