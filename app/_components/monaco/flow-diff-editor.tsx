'use client';
// A read-only side-by-side Monaco diff of two flow documents as canonical JSON (stable key order, so only real changes show).
//
// Monaco's own API, not @monaco-editor/react's DiffEditor: that wrapper shows "Loading..." until its loader promise
// settles and then creates the editor once, guarded by refs that outlive an unmount, and reuses models by path; a
// pane unmounted and mounted again while the versions load, or a second comparison opened, could stay on
// "Loading..." for good. Here the editor and two models of its own are made when the pane mounts (Monaco is already
// loaded with this module) and disposed with it, and the change listener is in place before the models are set.

import { useEffect, useRef, useState } from 'react';
import { canonicalJson } from '../../../flow-engine/canonical-json';
import type { FlowDocument } from '../../../flow-engine/document';
import { MONACO_THEME, monaco } from './monaco-setup';

export interface FlowDiffEditorProps {
  before: FlowDocument;
  after: FlowDocument;
  /** Read by screen readers for each side, e.g. "Version 2" / "Draft". */
  beforeLabel: string;
  afterLabel: string;
  height?: string | number;
}

type Models = {
  editor: monaco.editor.IStandaloneDiffEditor;
  original: monaco.editor.ITextModel;
  modified: monaco.editor.ITextModel;
};

export default function FlowDiffEditor({
  before,
  after,
  beforeLabel,
  afterLabel,
  height = '65vh',
}: FlowDiffEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const models = useRef<Models | undefined>(undefined);
  // Lines changed once Monaco's worker has computed the diff (null until then); the first change is scrolled into view.
  const [changes, setChanges] = useState<number | null>(null);
  const beforeText = canonicalJson(before);
  const afterText = canonicalJson(after);
  const texts = useRef({ beforeText, afterText });
  texts.current = { beforeText, afterText };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const editor = monaco.editor.createDiffEditor(element, {
      automaticLayout: true,
      theme: MONACO_THEME,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      fontSize: 12,
      scrollBeyondLastLine: false,
    });
    // Models without a path: each pane has its own, never one left over from an earlier pane.
    const original = monaco.editor.createModel(texts.current.beforeText, 'json');
    const modified = monaco.editor.createModel(texts.current.afterText, 'json');
    const listener = editor.onDidUpdateDiff(() => {
      const lineChanges = editor.getLineChanges() ?? [];
      setChanges(lineChanges.length);
      const first = lineChanges[0];
      if (first) editor.getModifiedEditor().revealLineInCenter(Math.max(1, first.modifiedStartLineNumber));
    });
    editor.setModel({ original, modified });
    models.current = { editor, original, modified };
    return () => {
      models.current = undefined;
      listener.dispose();
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
  }, []);

  // Another pair of versions chosen: the same editor shows the new texts (and computes the diff again).
  useEffect(() => {
    const current = models.current;
    if (!current) return;
    if (current.original.getValue() !== beforeText) current.original.setValue(beforeText);
    if (current.modified.getValue() !== afterText) current.modified.setValue(afterText);
  }, [beforeText, afterText]);

  useEffect(() => {
    const editor = models.current?.editor;
    if (!editor) return;
    editor.updateOptions({ ariaLabel: `${beforeLabel} → ${afterLabel}` });
    editor.getOriginalEditor().updateOptions({ ariaLabel: beforeLabel });
    editor.getModifiedEditor().updateOptions({ ariaLabel: afterLabel });
  }, [beforeLabel, afterLabel]);

  return (
    <div
      data-testid="json-diff"
      data-changes={changes ?? undefined}
      style={{ border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden' }}
    >
      <div ref={container} style={{ height, width: '100%' }} />
    </div>
  );
}
